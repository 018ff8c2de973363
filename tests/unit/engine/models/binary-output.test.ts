/**
 * The sigmoid output (`output: 'sigmoid'`): one logit with binary cross-entropy, checked
 * against values derived by hand and against torch.nn.BCEWithLogitsLoss (the fixture
 * tests/fixtures/torch/bce-with-logits.json, written by the script beside it).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decisionBoundary } from '../../../../src-shared/engine/host/decision-boundary';
import {
  batchedTaskLoss,
  binaryCrossEntropyWithLogits,
  classProbabilities,
  createModel,
  predictedClasses,
} from '../../../../src-shared/engine/models';
import type { Batch, Dataset, Model } from '../../../../src-shared/engine/types';
import torch from '../../../fixtures/torch/bce-with-logits.json';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const binary = { task: 'classification' as const, numFeatures: 2, numClasses: 2 };

function expectClose(actual: ArrayLike<number>, expected: readonly number[], digits: number) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i]!, digits);
}

function batch(): Batch {
  return { x: tf.tensor2d(torch.x), y: tf.tensor1d(torch.labels, 'int32') };
}

function paramsOf(layers: typeof torch.mlpTanh.layers): tf.Tensor[] {
  return layers.flatMap((l) => [tf.tensor2d(l.kernel), tf.tensor1d(l.bias)]);
}

function lossAndGrads(model: Model, params: tf.Tensor[], b: Batch) {
  const f = tf.grads((...ps: tf.Tensor[]) => model.loss(ps, b));
  const gs = f(params);
  const loss = model.loss(params, b);
  const out = { loss: loss.dataSync()[0]!, grads: gs.map((g) => Array.from(g.dataSync())) };
  tf.dispose([loss, ...gs]);
  return out;
}

describe('binary cross-entropy on logits', () => {
  it('equals log 2 at z = 0 with gradient (σ(0) − y)/n = ±1/(2n), derived by hand', () => {
    const z = tf.variable(tf.zeros([4, 1]));
    const y = tf.tensor1d([0, 1, 1, 0], 'int32');
    const { value, grads } = tf.variableGrads(() =>
      binaryCrossEntropyWithLogits(z as tf.Tensor2D, y),
    );
    expect(value.dataSync()[0]).toBeCloseTo(Math.LN2, 6);
    // Autodiff of max(z,0) − zy + log1p(e^−|z|) would give −y/n here: the custom gradient fixes it.
    expect(Array.from(grads[z.name]!.dataSync())).toEqual([0.125, -0.125, -0.125, 0.125]);
    tf.dispose([z, y, value, ...Object.values(grads)]);
  });

  it('matches torch.nn.BCEWithLogitsLoss, values and gradient, even at |z| = 60', () => {
    const before = tf.memory().numTensors;
    const { logits, labels, loss, grad } = torch.logits;
    const z = tf.tensor2d(logits, [logits.length, 1]);
    const y = tf.tensor1d(labels, 'int32');
    const value = binaryCrossEntropyWithLogits(z, y);
    expect(value.dataSync()[0]).toBeCloseTo(loss, 5);
    const [g] = tf.grads((t: tf.Tensor) => binaryCrossEntropyWithLogits(t as tf.Tensor2D, y))([z]);
    expectClose(g!.dataSync(), grad, 7);
    tf.dispose([z, y, value, g!]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('hand formula: 1.5 with y = 1 gives log(1 + e^−1.5); −2 with y = 0 gives log(1 + e^−2)', () => {
    const z = tf.tensor2d([[1.5], [-2]]);
    const y = tf.tensor1d([1, 0], 'int32');
    const expected = (Math.log1p(Math.exp(-1.5)) + Math.log1p(Math.exp(-2))) / 2;
    const value = binaryCrossEntropyWithLogits(z, y);
    expect(value.dataSync()[0]).toBeCloseTo(expected, 6);
    tf.dispose([z, y, value]);
  });

  it('the batched loss of the landscape agrees with the single loss', () => {
    const z = tf.tensor3d([
      [[0.3], [-1.2], [2]],
      [[0], [0], [0]],
    ]);
    const y = tf.tensor1d([1, 0, 1], 'int32');
    const batched = batchedTaskLoss('classification', z, y).dataSync();
    const single = tf.tidy(() => [
      binaryCrossEntropyWithLogits(tf.tensor2d([[0.3], [-1.2], [2]]), y).dataSync()[0],
      binaryCrossEntropyWithLogits(tf.zeros([3, 1]), y).dataSync()[0],
    ]);
    expect(batched[0]).toBeCloseTo(single[0]!, 6);
    expect(batched[1]).toBeCloseTo(Math.LN2, 6);
    tf.dispose([z, y]);
  });

  it('predicts class 1 exactly when the logit is positive; probabilities are [1 − σ, σ]', () => {
    const z = tf.tensor2d([[-0.5], [0], [2]]);
    const ids = predictedClasses(z);
    expect(Array.from(ids.dataSync())).toEqual([0, 0, 1]);
    const p = classProbabilities(z);
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const expected = [1 - s(-0.5), s(-0.5), 0.5, 0.5, 1 - s(2), s(2)];
    expectClose(p.dataSync(), expected, 6);
    tf.dispose([z, ids, p]);
  });
});

describe('model.linear and model.mlp with output: sigmoid', () => {
  it('have one output unit; loss and gradient match PyTorch (logistic regression)', () => {
    const model = createModel('model.linear', { output: 'sigmoid' }, binary);
    expect(model.paramInfo.map((p) => p.shape)).toEqual([[2, 1], [1]]);
    const b = batch();
    const params = paramsOf(torch.linear.layers);
    const before = tf.memory().numTensors;
    const { loss, grads } = lossAndGrads(model, params, b);
    expect(tf.memory().numTensors).toBe(before);
    expect(loss).toBeCloseTo(torch.linear.loss, 6);
    const [layer] = torch.linear.layers;
    expectClose(grads[0]!, layer!.kernelGrad.flat(), 6);
    expect(grads[1]![0]).toBeCloseTo(layer!.biasGrad[0]!, 6);
    // By hand: mean over the points of log(1 + e^−s·z), s = ±1 by the label.
    const [w0, w1] = [0.8, -0.6];
    const byHand =
      torch.x.reduce((sum, [a, c], i) => {
        const z = w0 * a! + w1 * c! + 0.1;
        const s = torch.labels[i] === 1 ? 1 : -1;
        return sum + Math.log1p(Math.exp(-s * z));
      }, 0) / torch.x.length;
    expect(loss).toBeCloseTo(byHand, 6);
    tf.dispose([...params, b.x, b.y]);
  });

  it('a tanh MLP 2-3-1 matches PyTorch, every layer gradient', () => {
    const model = createModel(
      'model.mlp',
      { hidden: [3], activation: 'tanh', output: 'sigmoid' },
      binary,
    );
    const b = batch();
    const params = paramsOf(torch.mlpTanh.layers);
    const { loss, grads } = lossAndGrads(model, params, b);
    expect(loss).toBeCloseTo(torch.mlpTanh.loss, 6);
    for (const [l, layer] of torch.mlpTanh.layers.entries()) {
      expectClose(grads[2 * l]!, layer.kernelGrad.flat(), 6);
      expectClose(grads[2 * l + 1]!, layer.biasGrad, 6);
    }
    tf.dispose([...params, b.x, b.y]);
  });

  it('refuses data that does not have exactly 2 classes, naming the param', () => {
    expect(() =>
      createModel('model.linear', { output: 'sigmoid' }, { ...binary, numClasses: 3 }),
    ).toThrow(/model\.linear: output sigmoid needs data with 2 classes; this dataset has 3/);
    expect(() =>
      createModel(
        'model.mlp',
        { output: 'sigmoid' },
        { task: 'regression', numFeatures: 2, numClasses: 1 },
      ),
    ).toThrow(/output sigmoid needs data with 2 classes; this dataset is a regression/);
  });

  it('the decision boundary is σ of the logit for class 1', () => {
    const model = createModel('model.linear', { output: 'sigmoid', init: 'zeros' }, binary);
    const split = {
      x: Float32Array.from(torch.x.flat()),
      y: Float32Array.from(torch.labels),
      n: 6,
    };
    const dataset: Dataset = {
      type: 'dataset.moons',
      task: 'classification',
      numFeatures: 2,
      numClasses: 2,
      train: split,
      val: split,
    };
    const values = [Float32Array.from([1, 0]), Float32Array.from([0])];
    const grid = decisionBoundary(model, dataset, values, 8);
    expect(grid.classes).toBe(2);
    expect(grid.probs).toHaveLength(8 * 8 * 2);
    // Cell 0 is at the lowest x: the logit x < 0, so class 0 is the likelier.
    const x0 = grid.extent.x0 + (grid.extent.x1 - grid.extent.x0) / 16;
    expect(grid.probs[1]).toBeCloseTo(1 / (1 + Math.exp(-x0)), 5);
    expect(grid.probs[0]! + grid.probs[1]!).toBeCloseTo(1, 6);
  });
});
