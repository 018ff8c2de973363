/**
 * The exact first-layer plane shortcut: surfaces equal the plain evaluation of the same points
 * to float32 round-off (MLP batched and per point, CNNs per point, on cpu and wasm, with the
 * biases moving along the plane too), the first layer's map runs three times per plane
 * instead of once per point, and nothing leaks.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDataset } from '../../../../src-shared/engine/datasets';
import { randomPlane } from '../../../../src-shared/engine/landscape/directions';
import { evalBatch, selectEvalSubset } from '../../../../src-shared/engine/landscape/eval-subset';
import { flattenParams } from '../../../../src-shared/engine/landscape/flat-params';
import { linspace } from '../../../../src-shared/engine/landscape/plane-axes';
import { shortcutPays } from '../../../../src-shared/engine/landscape/plane-shortcut';
import {
  createPointEvaluator,
  type EvalMode,
} from '../../../../src-shared/engine/landscape/point-evaluator';
import { fillSurface } from '../../../../src-shared/engine/landscape/surface';
import { planePoint } from '../../../../src-shared/engine/linalg/vector-math';
import { createModel } from '../../../../src-shared/engine/models';
import { createRng } from '../../../../src-shared/engine/random';
import type { Model } from '../../../../src-shared/engine/types';
import { withoutBatching } from './fixtures';

const digits = createDataset('dataset.digits', { seed: 0 });
const N = 9;
const axis = linspace(-1, 1, N);

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** The model with its first-layer map counted. */
function counted(model: Model): { model: Model; calls: () => number } {
  const split = model.firstLayer!;
  let calls = 0;
  return {
    model: {
      ...model,
      firstLayer: {
        ...split,
        affine: (x, kernel, bias) => {
          calls += 1;
          return split.affine(x, kernel, bias);
        },
      },
    },
    calls: () => calls,
  };
}

/** Plain loss (and accuracy) of every grid point through Model.forward, unchunked. */
function plainSurface(model: Model, batch: { x: tf.Tensor2D; y: tf.Tensor1D }, plane: Plane3) {
  const plain = createPointEvaluator({ ...model, firstLayer: undefined }, batch, {
    mode: 'perPoint',
  });
  const points: Float32Array[] = [];
  for (const b of axis)
    for (const a of axis) points.push(planePoint(plane.center, plane.delta, plane.eta, a, b));
  return plain.evaluate(points);
}

/** Where the first layer's bias sits in the flat vector. */
const biasStart = (model: Model) =>
  model.paramInfo
    .slice(0, model.firstLayer!.bias)
    .reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
const biasEnd = (model: Model) =>
  biasStart(model) + model.paramInfo[model.firstLayer!.bias]!.shape.reduce((a, b) => a * b, 1);

type Plane3 = { center: Float32Array; delta: Float32Array; eta: Float32Array };

const CASES: [string, () => Model, EvalMode][] = [
  [
    'mlp 64-16-10 batched',
    () => createModel('model.mlp', { hidden: [16], seed: 3 }, digits),
    'batched',
  ],
  [
    'mlp 64-12-12-10 tanh + skip per point',
    () => createModel('model.mlp', { hidden: [12, 12], activation: 'tanh', skip: true }, digits),
    'perPoint',
  ],
  [
    'mlp 64-16-10 auto',
    () => withoutBatching(createModel('model.mlp', { hidden: [16], seed: 4 }, digits)),
    'auto',
  ],
  [
    'digits cnn 3×3 kernels 8-16 dense 32 per point',
    () => createModel('model.cnn', { channels: [8, 16], dense: [32], seed: 1 }, digits),
    'auto',
  ],
  [
    'cnn 5×5 kernels 4-8 dense 16 per point',
    () => createModel('model.cnn', { channels: [4, 8], kernel: 5, dense: [16], seed: 2 }, digits),
    'auto',
  ],
];

describe.each(['cpu', 'wasm'])('plane shortcut on %s', (backend) => {
  it.each(CASES)(
    '%s: equals the plain evaluation, maps the first layer 3×',
    async (_, make, mode) => {
      await tf.setBackend(backend);
      const base = make();
      expect(shortcutPays(base)).toBe(true);
      const { model, calls } = counted(base);
      const batch = evalBatch(selectEvalSubset(digits.train, 96, 1), 'classification');
      // Non-zero biases, so that the (filter-normalized) plane moves them too: the shortcut
      // folds the first layer's bias into its three maps.
      const rng = createRng(8);
      const initial = model
        .initialValues()
        .map((v, k) =>
          model.paramInfo[k]!.role === 'bias' ? v.map(() => 0.1 * rng.gaussian()) : v,
        );
      const center = flattenParams(initial, model.paramInfo);
      const plane = {
        center,
        ...randomPlane(center, model.paramInfo, { norm: 'filter', ignoreBiasBN: false, seed: 6 }),
      };
      expect(Math.max(...plane.delta.subarray(biasStart(model), biasEnd(model)))).toBeGreaterThan(
        0,
      );
      const reference = plainSurface(model, batch, plane);
      const before = tf.memory().numTensors;
      // A small budget: several chunks, so auto warms up, times and decides.
      const evaluator = createPointEvaluator(model, batch, { mode, memoryBudgetBytes: 600_000 });
      expect(evaluator.chunkSize).toBeLessThan((N * N) / 4);
      const surface = await fillSurface(
        { evaluator, ...plane, alphas: axis, betas: axis },
        () => {},
        () => false,
      );
      expect(tf.memory().numTensors).toBe(before);
      expect(calls()).toBe(3);
      const loss = surface!.loss;
      let worst = 0;
      for (let k = 0; k < loss.length; k++) {
        worst = Math.max(
          worst,
          Math.abs(loss[k]! - reference.loss[k]!) / Math.max(1, reference.loss[k]!),
        );
      }
      expect(worst).toBeLessThan(2e-5);
      expect(Array.from(surface!.accuracy!)).toEqual(Array.from(reference.accuracy!));
      // Not a flat surface: the comparison means something.
      expect(Math.max(...loss) - Math.min(...loss)).toBeGreaterThan(0.1);
      tf.dispose([batch.x, batch.y]);
    },
  );
});

describe('when the shortcut does not pay or apply', () => {
  it('keeps the plain path for small fan-ins and for analytic surfaces', async () => {
    await tf.setBackend('cpu');
    const small = createModel(
      'model.mlp',
      { hidden: [8] },
      { task: 'classification', numFeatures: 2, numClasses: 2 },
    );
    expect(shortcutPays(small)).toBe(false);
    expect(shortcutPays(createModel('model.cnn', { kernel: 2 }, digits))).toBe(false);
    expect(shortcutPays(createModel('model.surface', { fn: 'rosenbrock' }, null))).toBe(false);
    const x = tf.tensor2d([0, 1, 1, 0], [2, 2]);
    const y = tf.tensor1d([0, 1], 'int32');
    const evaluator = createPointEvaluator(small, { x, y });
    const center = flattenParams(small.initialValues(), small.paramInfo);
    const plane = evaluator.onPlane({ center, delta: center, eta: center });
    expect(plane.shortcut).toBe(false);
    const m = plane.evaluate([0, 1], [0, 1]);
    const plain = evaluator.evaluate([center, center.map((v) => 3 * v)]);
    expect(Array.from(m.loss)).toEqual(Array.from(plain.loss));
    expect(m.loss[1]).not.toBe(m.loss[0]);
    plane.dispose();
    tf.dispose([x, y]);
  });
});
