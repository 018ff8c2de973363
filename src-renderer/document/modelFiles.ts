/**
 * TensorFlow.js Layers models picked in the inspector for a `model.import` block. A browser
 * gives the page files but never their paths, so the user picks model.json together with its
 * weight files; they are joined here into one self-contained JSON (the weights inline as
 * base64 `weightData`), kept under model.json's name for the engine host to read by that
 * name (the load's `files`, as CSV files travel). Kept for this session only.
 */
import { bytesToBase64 } from '../../src-shared/engine/models/io/base64';
import { parseModelJson, sequentialSpecOf } from '../../src-shared/engine/models/io/layers-json';

/** The most a picked model may weigh: model.json plus weights (the import limit, 16 MiB). */
export const MAX_MODEL_BYTES = 17 * 1024 * 1024;

const bundles = new Map<string, string>();

export interface PickedFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * Joins model.json and its weight files into one JSON and remembers it under model.json's
 * name; throws a message naming what is missing or wrong. Returns that name.
 */
export async function rememberModelFiles(files: readonly PickedFile[]): Promise<string> {
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_MODEL_BYTES) {
    throw new Error(`the files weigh ${(total / 1048576).toFixed(1)} MB; at most 17 MB`);
  }
  const jsonFiles = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsonFiles.length !== 1) {
    throw new Error('choose one model.json together with its weight files (.bin)');
  }
  const modelFile = jsonFiles[0]!;
  const json = parseModelJson(await modelFile.text());
  sequentialSpecOf(json); // refuse an unsupported layer now, naming it
  const paths = (json.weightsManifest ?? []).flatMap((group) => group.paths);
  const parts: Uint8Array[] = [];
  for (const path of paths) {
    const file = files.find((f) => f.name === baseName(path));
    if (!file) throw new Error(`${modelFile.name} needs ${baseName(path)}: choose it too`);
    parts.push(new Uint8Array(await file.arrayBuffer()));
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  const bundle = {
    ...json,
    weightsManifest: (json.weightsManifest ?? []).map((g) => ({ paths: [], weights: g.weights })),
    weightData: bytesToBase64(bytes),
  };
  bundles.set(modelFile.name, JSON.stringify(bundle));
  return modelFile.name;
}

export function hasModelFile(name: string): boolean {
  return bundles.has(name);
}

/** The joined JSON of a model picked this session, or undefined. */
export function modelBundle(name: string): string | undefined {
  return bundles.get(name);
}
