import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  classifyCriticalPoint,
  extremeEigenvalues,
  type Hvp,
  makeHvp,
  topEigenvalue,
} from '../../../../src-shared/engine/curvature';
import { createModel } from '../../../../src-shared/engine/models';
import { mlpHessianFd, symmetricEigenvalues, TINY_MLP } from './tiny-mlp';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Runs `body` with the Hvp of surface `fn` at `at`; checks no tensor survives. */
function withSurface<T>(fn: string, at: [number, number], body: (hvp: Hvp) => T): T {
  const before = tf.memory().numTensors;
  const model = createModel('model.surface', { fn }, null);
  const point = tf.tensor1d(at);
  const result = body(makeHvp((ps) => model.loss(ps, null), [point]));
  point.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return result;
}

/** An exact Hvp for a constant symmetric matrix (no finite differences). */
function matrixHvp(m: number[][]): Hvp {
  return (v) =>
    tf.tidy(() => [tf.squeeze(tf.matMul(tf.tensor2d(m), tf.reshape(v[0]!, [-1, 1])), [1])]);
}

describe('topEigenvalue', () => {
  it('quadratic 0.5(x² + 10y²): 10, along y', () => {
    withSurface('quadratic', [0.4, -0.2], (hvp) => {
      const r = topEigenvalue(hvp, [[2]], { seed: 1 });
      expect(r.converged).toBe(true);
      expect(r.value).toBeCloseTo(10, 3);
      const [vx, vy] = r.vector[0]!.dataSync();
      expect(Math.abs(vy!)).toBeCloseTo(1, 3);
      expect(Math.abs(vx!)).toBeLessThan(1e-2);
      tf.dispose(r.vector);
    });
  });

  it('finds the largest magnitude even when it is negative', () => {
    const before = tf.memory().numTensors;
    const r = topEigenvalue(
      matrixHvp([
        [1, 0, 0],
        [0, -6, 0],
        [0, 0, 3],
      ]),
      [[3]],
      { seed: 2 },
    );
    expect(r.value).toBeCloseTo(-6, 4);
    expect(r.converged).toBe(true);
    tf.dispose(r.vector);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports no convergence when ±λ tie (a symmetric saddle)', () => {
    withSurface('saddle', [0, 0], (hvp) => {
      const r = topEigenvalue(hvp, [[2]], { iters: 30, seed: 3 });
      expect(r.converged).toBe(false);
      expect(r.iterations).toBe(30);
      tf.dispose(r.vector);
    });
  });
});

describe('extremeEigenvalues and classifyCriticalPoint', () => {
  it('quadratic: λmax = 10, λmin = 1 → minimum', () => {
    withSurface('quadratic', [0, 0], (hvp) => {
      const r = extremeEigenvalues(hvp, [[2]], { seed: 1 });
      expect(r.max).toBeCloseTo(10, 3);
      expect(r.min).toBeCloseTo(1, 3);
      expect(r.converged).toBe(true);
      expect(classifyCriticalPoint(r)).toBe('minimum');
      tf.dispose([r.minVector, r.maxVector]);
    });
  });

  it('saddle x² − y² at 0: λ = 2 and −2 → saddle', () => {
    withSurface('saddle', [0, 0], (hvp) => {
      const r = extremeEigenvalues(hvp, [[2]], { seed: 1 });
      expect(r.max).toBeCloseTo(2, 3);
      expect(r.min).toBeCloseTo(-2, 3);
      expect(classifyCriticalPoint(r)).toBe('saddle');
      expect(Math.abs(r.minVector[0]!.dataSync()[1]!)).toBeCloseTo(1, 3);
      tf.dispose([r.minVector, r.maxVector]);
    });
  });

  it('rosenbrock at its minimum (1, 1): λ = 501 ± √250601 (1001.6, 0.3996)', () => {
    // H = [[802, −400], [−400, 200]]: trace 1002, determinant 400.
    const lambdaMax = 501 + Math.sqrt(501 ** 2 - 400);
    const lambdaMin = 400 / lambdaMax;
    withSurface('rosenbrock', [1, 1], (hvp) => {
      const r = extremeEigenvalues(hvp, [[2]], { seed: 4 });
      expect(Math.abs(r.max - lambdaMax)).toBeLessThan(0.05);
      expect(Math.abs(r.min - lambdaMin)).toBeLessThan(0.01);
      expect(classifyCriticalPoint(r)).toBe('minimum');
      tf.dispose([r.minVector, r.maxVector]);
    });
  });

  it('a maximum and a flat point', () => {
    const max = extremeEigenvalues(
      matrixHvp([
        [-2, 0.5],
        [0.5, -1],
      ]),
      [[2]],
      { seed: 5 },
    );
    // Eigenvalues of [[-2, .5], [.5, -1]]: −1.5 ± √0.5.
    expect(max.max).toBeCloseTo(-1.5 + Math.sqrt(0.5), 4);
    expect(max.min).toBeCloseTo(-1.5 - Math.sqrt(0.5), 4);
    expect(classifyCriticalPoint(max)).toBe('maximum');
    const flat = extremeEigenvalues(
      matrixHvp([
        [0, 0],
        [0, 0],
      ]),
      [[2]],
    );
    expect([flat.min, flat.max]).toEqual([0, 0]);
    expect(classifyCriticalPoint(flat)).toBe('flat');
    tf.dispose([max.minVector, max.maxVector, flat.minVector, flat.maxVector]);
  });

  it('classifies by the signs of λmin and λmax with a tolerance', () => {
    expect(classifyCriticalPoint({ min: 1, max: 10 })).toBe('minimum');
    expect(classifyCriticalPoint({ min: 0, max: 10 })).toBe('minimum');
    expect(classifyCriticalPoint({ min: -3, max: -1 })).toBe('maximum');
    expect(classifyCriticalPoint({ min: -2, max: 2 })).toBe('saddle');
    expect(classifyCriticalPoint({ min: -1e-6, max: 1e-6 })).toBe('flat');
    expect(classifyCriticalPoint({ min: -0.01, max: 5 }, 0.1)).toBe('minimum');
  });

  it('MLP (tanh, cross-entropy): top and extremes match a float64 Jacobi eigensolve of the FD Hessian', () => {
    const model = createModel(
      'model.mlp',
      { hidden: [TINY_MLP.hidden], activation: 'tanh' },
      TINY_MLP.data,
    );
    const before = tf.memory().numTensors;
    const theta = TINY_MLP.theta();
    const params = TINY_MLP.split(theta).map((v, i) =>
      tf.tensor(v, [...model.paramInfo[i]!.shape]),
    );
    const batch = { x: tf.tensor2d(TINY_MLP.x), y: tf.tensor1d(TINY_MLP.y, 'int32') };
    const eigen = symmetricEigenvalues(mlpHessianFd(theta));
    const [lo, hi] = [eigen[0], eigen[eigen.length - 1]];
    const hvp = makeHvp((ps) => model.loss(ps, batch), params);
    const shapes = model.paramInfo.map((p) => p.shape);
    const top = topEigenvalue(hvp, shapes, { iters: 300, tol: 1e-4 });
    const largest = Math.abs(hi!) >= Math.abs(lo!) ? hi : lo;
    expect(Math.abs(top.value - largest!)).toBeLessThan(1e-3 * Math.abs(largest!));
    const ext = extremeEigenvalues(hvp, shapes, { iters: 1000, tol: 1e-5 });
    expect(Math.abs(ext.max - hi!)).toBeLessThan(2e-3 * Math.abs(hi!));
    expect(Math.abs(ext.min - lo!)).toBeLessThan(2e-3 * Math.abs(hi!));
    tf.dispose([top.vector, ext.minVector, ext.maxVector, params, batch.x, batch.y]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
