/**
 * model.import: a user's tfjs Layers model as the starting point of training or the centre
 * of a landscape. The model comes from `path` (model.json, its weight files beside it; a
 * browser sends one self-contained JSON under that name) or from `embedded` (model.json
 * with base64 `weightData`, kept in the graph).
 */
import { ParamReader } from '../../block-params';
import { concatArrays } from '../../concat-arrays';
import type { Model } from '../../types';
import type { ModelData } from '../model-data';
import { base64ToBytes } from './base64';
import { type ModelJson, ModelJsonSchema, parseModelJson, sequentialSpecOf } from './layers-json';
import { createSequentialModel } from './sequential-model';
import { IMPORT_LIMITS, traceSpec } from './sequential-spec';
import { readWeights } from './weights';

export const IMPORT_TYPE = 'model.import';

/** How a host reads a user's files, by path relative to the graph file. */
export interface ModelFileReader {
  readonly readText?: (path: string) => string;
  readonly readBytes?: (path: string) => Uint8Array;
}

/** A weight file's path: relative to the folder of model.json. */
export function besideModelJson(modelPath: string, file: string): string {
  const cut = Math.max(modelPath.lastIndexOf('/'), modelPath.lastIndexOf('\\'));
  const name = file.startsWith('./') ? file.slice(2) : file;
  return cut < 0 ? name : `${modelPath.slice(0, cut + 1)}${name}`;
}

function weightBytes(json: ModelJson, modelPath: string | null, io: ModelFileReader): Uint8Array {
  if (json.weightData !== undefined) {
    if (json.weightData.length > (IMPORT_LIMITS.maxParams * 4 * 4) / 3 + 4) {
      throw new Error('weightData is larger than the import limit');
    }
    return base64ToBytes(json.weightData);
  }
  const paths = (json.weightsManifest ?? []).flatMap((group) => group.paths);
  if (paths.length === 0) return new Uint8Array(0);
  if (modelPath === null) throw new Error('an embedded model must carry its weights as weightData');
  if (!io.readBytes) throw new Error('this host cannot read weight files; embed the weights');
  const parts = paths.map((p) => {
    const bytes = io.readBytes!(besideModelJson(modelPath, p));
    if (bytes.length > IMPORT_LIMITS.maxParams * 4) throw new Error(`${p} is over the size limit`);
    return bytes;
  });
  return concatArrays(parts, (total) => {
    if (total > IMPORT_LIMITS.maxParams * 4) {
      throw new Error('the weight files are over the size limit');
    }
    return new Uint8Array(total);
  });
}

/** Builds a model from parsed model.json (weights from weightData or files beside it). */
export function modelFromLayersJson(
  json: ModelJson,
  modelPath: string | null,
  io: ModelFileReader,
  data: ModelData,
  type = IMPORT_TYPE,
): Model {
  const spec = sequentialSpecOf(json);
  const inputShape = spec.inputShape.length ? spec.inputShape : [data.numFeatures];
  const { slots } = traceSpec({ ...spec, inputShape });
  const specs = (json.weightsManifest ?? []).flatMap((group) => group.weights);
  const values = readWeights(slots, specs, weightBytes(json, modelPath, io));
  return createSequentialModel(type, spec, values, data);
}

export function createImportedModel(
  params: Record<string, unknown>,
  data: ModelData,
  io: ModelFileReader = {},
): Model {
  const p = new ParamReader(IMPORT_TYPE, params);
  const path = p.string('path');
  const embedded = p.has('embedded') ? params.embedded : null;
  try {
    if (embedded !== null) {
      const parsed = ModelJsonSchema.safeParse(embedded);
      if (!parsed.success)
        throw new Error(`is not a Layers model.json (${parsed.error.issues[0]?.message})`);
      return modelFromLayersJson(parsed.data, null, io, data);
    }
    if (path === '') throw new Error('choose a model.json file');
    if (!io.readText) throw new Error('this host cannot read files');
    return modelFromLayersJson(parseModelJson(io.readText(path)), path, io, data);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = embedded !== null ? 'embedded model' : path;
    throw new Error(`${where}: ${message}`);
  }
}
