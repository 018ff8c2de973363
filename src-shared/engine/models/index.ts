/** Every `model.*` block of the catalog, built from its params and its dataset's shape. */
import { BlockRegistry } from '../registry';
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

export type ModelFactory = (
  params: Record<string, unknown>,
  data: ModelData | null,
  files: ModelFileReader,
) => Model;

/** A model that learns from data: refuses to be built without its dataset's shape. */
const fromData =
  (
    type: string,
    build: (params: Record<string, unknown>, data: ModelData, files: ModelFileReader) => Model,
  ): ModelFactory =>
  (params, data, files) => {
    if (!data) throw new Error(`${type}: needs a dataset (connect one to the train block)`);
    return build(params, data, files);
  };

export const models = new BlockRegistry<ModelFactory>('model', {
  'model.surface': (params) => createSurfaceModel(params),
  'model.linear': fromData('model.linear', createLinear),
  'model.mlp': fromData('model.mlp', createMlp),
  'model.cnn': fromData('model.cnn', createCnn),
  'model.import': fromData('model.import', createImportedModel),
});

export function createModel(
  type: string,
  params: Record<string, unknown>,
  data: ModelData | null,
  files: ModelFileReader = {},
): Model {
  return models.get(type)(params, data, files);
}
