/** model.linear and model.mlp: dense stacks configured from block params. */
import {
  CLASSIFIER_OUTPUTS,
  type ClassifierOutput,
  OUTPUT_CLASSES,
} from '../../graph/catalog/models';
import { ParamReader } from '../block-params';
import type { Model } from '../types';
import { createDenseStack } from './dense-stack';
import { ACTIVATIONS, INITS } from './layers';
import type { ModelData } from './model-data';

export const MAX_HIDDEN_LAYERS = 16;
export const MAX_WIDTH = 4096;

/**
 * Output units: K softmax logits for K classes, one logit for the sigmoid output (whose
 * class count the catalog states), 1 for regression.
 */
export function outputUnits(data: ModelData, output: ClassifierOutput = 'softmax'): number {
  if (data.task !== 'classification') return 1;
  return output === 'softmax' ? data.numClasses : 1;
}

/** The `output` param, checked against the class count the catalog says it needs. */
function readOutput(p: ParamReader, data: ModelData): ClassifierOutput {
  const output = p.choice('output', CLASSIFIER_OUTPUTS);
  const needed = OUTPUT_CLASSES[output];
  if (needed === null) return output;
  if (data.task === 'regression') {
    p.fail('output', `${output} needs data with ${needed} classes; this dataset is a regression`);
  }
  if (data.numClasses !== needed) {
    p.fail(
      'output',
      `${output} needs data with ${needed} classes; this dataset has ${data.numClasses}`,
    );
  }
  return output;
}

/**
 * Logistic / softmax / linear regression by the data's task. Binary logistic regression is
 * either a 2-class softmax (the default) or, with output: sigmoid, one logit with binary
 * cross-entropy, as torch.nn.BCEWithLogitsLoss; the two fit the same boundaries.
 */
export function createLinear(params: Record<string, unknown>, data: ModelData): Model {
  const type = 'model.linear';
  const p = new ParamReader(type, params);
  return createDenseStack({
    type,
    task: data.task,
    sizes: [data.numFeatures, outputUnits(data, readOutput(p, data))],
    activation: 'relu', // unused: no hidden layer
    skips: [false],
    init: p.choice('init', INITS),
    seed: p.number('seed'),
  });
}

/**
 * Residual connections (`skip: true`) join every hidden layer after the first to its input
 * when both have the same width: h_l = act(h_{l-1} W_l + b_l) + h_{l-1}. The first hidden
 * layer (fed by the raw features) and the output layer never have one.
 */
export function createMlp(params: Record<string, unknown>, data: ModelData): Model {
  const type = 'model.mlp';
  const p = new ParamReader(type, params);
  const hidden = p.numbers('hidden', { integer: true, min: 1, max: MAX_WIDTH });
  if (hidden.length > MAX_HIDDEN_LAYERS) {
    p.fail('hidden', `may have at most ${MAX_HIDDEN_LAYERS} layers, got ${hidden.length}`);
  }
  const skip = p.boolean('skip');
  const sizes = [data.numFeatures, ...hidden, outputUnits(data, readOutput(p, data))];
  const skips = sizes
    .slice(1)
    .map((_, l) => skip && l > 0 && l < hidden.length && sizes[l] === sizes[l + 1]);
  return createDenseStack({
    type,
    task: data.task,
    sizes,
    activation: p.choice('activation', ACTIVATIONS),
    skips,
    init: p.choice('init', INITS),
    seed: p.number('seed'),
  });
}
