/** Every `model.*` block of the catalog, built from its params and its dataset's shape. */
import type { Model } from '../types';
import { createCnn } from './cnn';
import { createLinear, createMlp } from './dense-models';
import { createImportedModel, type ModelFileReader } from './io/import-model';
import type { ModelData } from './model-data';
import { createSurfaceModel } from './surface-model';

export { MAX_HIDDEN_LAYERS, MAX_WIDTH } from './dense-models';
export type { ModelFileReader } from './io/import-model';
export {
  embedArtifacts,
  exportLayersModel,
  exportUnavailable,
  type LayersArtifacts,
  WEIGHTS_FILE,
} from './io/layers-export';
export type { Activation, Init } from './layers';
export {
  ACTIVATIONS,
  batchedTaskLoss,
  binaryCrossEntropyWithLogits,
  classProbabilities,
  INITS,
  meanSquaredError,
  predictedClasses,
  softmaxCrossEntropy,
} from './layers';
export type { ModelData } from './model-data';
export type { SurfaceName, SurfacePoint, SurfaceSpec } from './surfaces';
export { SURFACE_NAMES, SURFACES, surfaceTensor, surfaceValue } from './surfaces';

type ModelFactory = (
  params: Record<string, unknown>,
  data: ModelData,
  files: ModelFileReader,
) => Model;

/** One factory per catalog type that learns from a dataset (the surface needs none). */
const factories: Readonly<Record<string, ModelFactory>> = {
  'model.linear': createLinear,
  'model.mlp': createMlp,
  'model.cnn': createCnn,
  'model.import': createImportedModel,
};

export const MODEL_TYPES: readonly string[] = ['model.surface', ...Object.keys(factories)];

export function createModel(
  type: string,
  params: Record<string, unknown>,
  data: ModelData | null,
  files: ModelFileReader = {},
): Model {
  if (type === 'model.surface') return createSurfaceModel(params);
  const factory = Object.hasOwn(factories, type) ? factories[type] : undefined;
  if (!factory) {
    throw new Error(`unknown model type "${type}" (known: ${MODEL_TYPES.join(', ')})`);
  }
  if (!data) throw new Error(`${type}: needs a dataset (connect one to the train block)`);
  return factory(params, data, files);
}
