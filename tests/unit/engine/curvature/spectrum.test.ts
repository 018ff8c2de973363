/**
 * PyHessian's tools against a dense eigendecomposition of a Hessian written in closed form
 * (the one-hidden-layer tanh net of closed-forms.ts), with the app's R-pass Hessian products.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelHvp } from '../../../../src-shared/engine/curvature';
import { flatOperator, layerParams } from '../../../../src-shared/engine/curvature/flat-operator';
import {
  hutchinsonTrace,
  spectralDensity,
  topEigenvalues,
} from '../../../../src-shared/engine/curvature/spectrum';
import { symmetricEigen } from '../../../../src-shared/engine/linalg/symmetric-eigen';
import { createModel } from '../../../../src-shared/engine/models';
import { createRng } from '../../../../src-shared/engine/random';
import { denseFromHvp, tanhNetHvp } from './closed-forms';

const sizes = { d: 3, m: 6, k: 3 };
const rng = createRng(3);
const data = {
  x: Array.from({ length: 10 }, () => Array.from({ length: sizes.d }, () => rng.gaussian())),
  y: Array.from({ length: 10 }, (_, i) => i % sizes.k),
};
const model = createModel(
  'model.mlp',
  { hidden: [sizes.m], activation: 'tanh' },
  { task: 'classification', numFeatures: sizes.d, numClasses: sizes.k },
);
const theta = Array.from({ length: model.size }, () => rng.gaussian(0, 0.9));
const exact = denseFromHvp(model.size, (v) => tanhNetHvp(theta, v, sizes, data));
const exactEigen = symmetricEigen(Float64Array.from(exact.flat()), model.size);
const exactValues = [...exactEigen.values]; // largest first

let params: tf.Tensor[] = [];
let batch: { x: tf.Tensor2D; y: tf.Tensor1D };
let before = 0;
const shapes = model.paramInfo.map((p) => p.shape);
const op = () => flatOperator(modelHvp(model, params, batch), shapes);

beforeAll(async () => {
  await tf.setBackend('cpu');
  before = tf.memory().numTensors;
  let offset = 0;
  params = model.paramInfo.map((info) => {
    const size = info.shape.reduce((a, b) => a * b, 1);
    offset += size;
    return tf.tensor(theta.slice(offset - size, offset), [...info.shape]);
  });
  batch = { x: tf.tensor2d(data.x), y: tf.tensor1d(data.y, 'int32') };
});
afterAll(() => {
  tf.dispose([...params, batch.x, batch.y]);
  expect(tf.memory().numTensors).toBe(before);
});

describe('spectrum of a small tanh net', () => {
  it('top-5 eigenvalues by Lanczos match the dense eigendecomposition', () => {
    const top = topEigenvalues(op(), 5, { seed: 1 });
    expect(top.converged).toBe(true);
    const scale = Math.abs(exactValues[0]!);
    top.values.forEach((value, i) => {
      expect(Math.abs(value - exactValues[i]!)).toBeLessThan(1e-4 * scale);
    });
    expect(tf.memory().numTensors).toBe(before + params.length + 2);
  });

  it("Hutchinson's trace is within 2 standard errors of the exact trace", () => {
    const trace = exact.reduce((s, row, i) => s + row[i]!, 0);
    const estimate = hutchinsonTrace(op(), 60, 4);
    console.info(
      `trace exact ${trace.toFixed(5)}, Hutchinson ${estimate.mean.toFixed(5)} ± ${estimate.stderr.toFixed(5)} (60 probes)`,
    );
    expect(estimate.stderr).toBeGreaterThan(0);
    expect(Math.abs(estimate.mean - trace)).toBeLessThan(2 * estimate.stderr);
  });

  it('the SLQ density has mass 1 and covers [λmin, λmax]', () => {
    const lambdaMax = exactValues[0]!;
    const lambdaMin = exactValues[exactValues.length - 1]!;
    for (const steps of [12, model.size]) {
      const density = spectralDensity(op(), { runs: 3, steps, seed: 2 });
      const mass = density.weights.reduce((a, b) => a + b, 0);
      expect(mass).toBeCloseTo(1, 12);
      expect(density.nodeWeights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(density.weights.every((w) => w >= 0)).toBe(true);
      expect(density.grid[0]).toBeLessThanOrEqual(lambdaMin);
      expect(density.grid[density.grid.length - 1]).toBeGreaterThanOrEqual(lambdaMax);
      expect(density.lambdaMax).toBeCloseTo(lambdaMax, 3);
      expect(density.lambdaMin).toBeCloseTo(lambdaMin, 3);
      if (steps === model.size) {
        // With n steps the quadrature is exact: the negative fraction is the mean over runs of
        // vᵀP₋v, whose expectation is (#negative eigenvalues)/n; 3 runs only estimate it.
        const negatives = exactValues.filter((v) => v < 0).length / model.size;
        expect(Math.abs(density.negativeFraction - negatives)).toBeLessThan(0.25);
      }
    }
  });

  it('per layer: eigenvalues of the diagonal block H_ll', () => {
    const selected = layerParams(model.paramInfo, 'dense2');
    const offset = sizes.d * sizes.m + sizes.m;
    const n = sizes.m * sizes.k + sizes.k;
    const block = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) block[i * n + j] = exact[offset + i]![offset + j]!;
    const blockValues = symmetricEigen(block, n).values;
    const top = topEigenvalues(flatOperator(modelHvp(model, params, batch), shapes, selected), 3);
    top.values.forEach((v, i) => {
      expect(Math.abs(v - blockValues[i]!)).toBeLessThan(1e-4 * Math.abs(blockValues[0]!));
    });
    expect(() => layerParams(model.paramInfo, 'conv9')).toThrow(
      'no layer "conv9" in this model (layers: all, dense1, dense2)',
    );
  });
});
