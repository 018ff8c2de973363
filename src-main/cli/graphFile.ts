/**
 * Reads and parses a graph file for a command, turning every way it can fail (missing,
 * unreadable, too large, not UTF-8, not JSON, invalid) into one-line messages.
 */
import { dirname, resolve } from 'node:path';
import { MAX_CSV_BYTES } from '../../src-shared/engine/datasets/csv';
import {
  factsFromJson,
  formatDescribed,
  type GraphDocument,
  parseGraphText,
} from '../../src-shared/graph/index';
import { readFileBounded, readTextFileBounded } from '../services/boundedRead';
import { readGraphText } from '../services/graphFiles';

export type LoadedGraph =
  | { readonly ok: true; readonly graph: GraphDocument }
  | { readonly ok: false; readonly lines: readonly string[] };

/**
 * Problems at the document root read `<file>: <message>`; others `<json path>: <message>`, the
 * message naming the block (`Train "t" (train): …`) as far as the file still says which.
 */
export async function loadGraphFile(path: string): Promise<LoadedGraph> {
  const read = await readGraphText(path);
  if ('error' in read) return { ok: false, lines: [`${path}: ${read.error}`] };
  const result = parseGraphText(read.text);
  if (result.ok) return result;
  let json: unknown = null;
  try {
    json = JSON.parse(read.text);
  } catch {
    // Not JSON: the problems say so, and there is no block to name.
  }
  const facts = factsFromJson(json);
  return {
    ok: false,
    lines: result.problems.map((p) =>
      p.path === '' ? `${path}: ${p.message}` : formatDescribed(facts, p),
    ),
  };
}

/** Every problem of a graph file, one `<path>: <message>` line each (exit status 2). */
export class GraphProblems extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'GraphProblems';
  }
}

/** loadGraphFile for commands that go on to run the graph. */
export async function loadGraphOrThrow(path: string): Promise<GraphDocument> {
  const loaded = await loadGraphFile(path);
  if (!loaded.ok) throw new GraphProblems(loaded.lines);
  return loaded.graph;
}

/** dataset.csv paths are relative to the graph file's folder; reads are bounded. */
export function fileReaderBeside(graphPath: string): (path: string) => string {
  return (path) => readTextFileBounded(resolve(dirname(graphPath), path), MAX_CSV_BYTES);
}

/** The largest binary file a graph may name (model.import's weights): 64 MiB. */
export const MAX_BINARY_BYTES = 64 * 1024 * 1024;

/** Binary files (model.import's weight files) relative to the graph file's folder, bounded. */
export function bytesReaderBeside(graphPath: string): (path: string) => Uint8Array {
  return (path) =>
    new Uint8Array(readFileBounded(resolve(dirname(graphPath), path), MAX_BINARY_BYTES));
}
