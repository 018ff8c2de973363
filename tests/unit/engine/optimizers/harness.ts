/**
 * Test harness: runs an optimizer on plain-number problems (gradients computed in JS from the
 * current point) and returns the trajectory, disposing every tensor it makes.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { Optimizer, StepContext } from '../../../../src-shared/engine/types';

export type Point = number[][];
export type GradFn = (x: Point, step: number) => Point;

/** ∇ of f(x) = ½ Σ aᵢ xᵢ² over one flat list of coefficients per parameter. */
export const quadratic =
  (a: Point): GradFn =>
  (x) =>
    x.map((p, i) => p.map((v, j) => a[i]![j]! * v));

/** The same gradient at every step. */
export const fixed =
  (g: Point): GradFn =>
  () =>
    g;

export interface RunOptions {
  readonly lr: number;
  readonly steps: number;
  readonly hvp?: (x: Point) => StepContext['hvp'];
  /** Called after each step with the optimizer, for state checks. */
  readonly after?: (opt: Optimizer, step: number) => void;
}

/** Runs `steps` updates from `start` and returns the point after each of them. */
export function trajectory(opt: Optimizer, start: Point, grad: GradFn, o: RunOptions): Point[] {
  const params = start.map((p) => tf.tidy(() => tf.variable(tf.tensor1d(p), true)));
  const out: Point[] = [];
  try {
    for (let k = 0; k < o.steps; k++) {
      const x = params.map((p) => Array.from(p.dataSync()));
      const grads = grad(x, k).map((g) => tf.tensor1d(g));
      try {
        opt.step({ params, grads, lr: o.lr, hvp: o.hvp?.(x) });
      } finally {
        tf.dispose(grads);
      }
      out.push(params.map((p) => Array.from(p.dataSync())));
      o.after?.(opt, k + 1);
    }
  } finally {
    tf.dispose(params);
  }
  return out;
}

/** Element-wise closeness with a tolerance fit for float32 arithmetic. */
export function expectPoints(actual: Point[], expected: Point[], tol = 2e-6): void {
  expect(actual.length).toBe(expected.length);
  for (const [k, point] of actual.entries()) {
    for (const [i, p] of point.entries()) {
      for (const [j, v] of p.entries()) {
        const want = expected[k]![i]![j]!;
        const bound = tol * Math.max(1, Math.abs(want));
        if (Math.abs(v - want) > bound) {
          throw new Error(`step ${k + 1}, param ${i}[${j}]: got ${v}, expected ${want}`);
        }
      }
    }
  }
}

export function values(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}
