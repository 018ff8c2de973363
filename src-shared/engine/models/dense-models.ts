/** model.linear and model.mlp: dense stacks configured from block params. */
import { ParamReader } from '../block-params';
import type { Model } from '../types';
import { createDenseStack } from './dense-stack';
import { ACTIVATIONS, INITS } from './layers';
import type { ModelData } from './model-data';

export const MAX_HIDDEN_LAYERS = 16;
export const MAX_WIDTH = 4096;

/** Output units: K logits for K classes (binary included: a 2-class softmax), 1 for regression. */
export function outputUnits(data: ModelData): number {
  return data.task === 'classification' ? data.numClasses : 1;
}

/**
 * Logistic / softmax / linear regression by the data's task. Binary classification uses a
 * 2-class softmax rather than a single sigmoid unit, so every classifier has the same
 * output layout ([n, K] logits) and loss (softmax cross-entropy); the two are equivalent.
 */
export function createLinear(params: Record<string, unknown>, data: ModelData): Model {
  const type = 'model.linear';
  const p = new ParamReader(type, params);
  return createDenseStack({
    type,
    task: data.task,
    sizes: [data.numFeatures, outputUnits(data)],
    activation: 'relu', // unused: no hidden layer
    skips: [false],
    init: p.choice('init', INITS, 'glorot'),
    seed: p.number('seed', 0),
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
  const hidden = p.numbers('hidden', [32, 32], { integer: true, min: 1, max: MAX_WIDTH });
  if (hidden.length > MAX_HIDDEN_LAYERS) {
    p.fail('hidden', `may have at most ${MAX_HIDDEN_LAYERS} layers, got ${hidden.length}`);
  }
  const skip = p.boolean('skip', false);
  const sizes = [data.numFeatures, ...hidden, outputUnits(data)];
  const skips = sizes
    .slice(1)
    .map((_, l) => skip && l > 0 && l < hidden.length && sizes[l] === sizes[l + 1]);
  return createDenseStack({
    type,
    task: data.task,
    sizes,
    activation: p.choice('activation', ACTIVATIONS, 'relu'),
    skips,
    init: p.choice('init', INITS, 'glorot'),
    seed: p.number('seed', 0),
  });
}
