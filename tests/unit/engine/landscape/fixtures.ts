/** Helpers for the landscape tests: a seeded toy dataset and a model without batching. */
import { createRng } from '../../../../src-shared/engine/random';
import type { Model } from '../../../../src-shared/engine/types';

/** The same model without forwardBatched: exercises the per-point path. */
export function withoutBatching(model: Model): Model {
  const { forwardBatched: _unused, ...rest } = model;
  return rest;
}

/** Two Gaussian blobs in 2D with labels 0/1, seeded. */
export function makeBlobs(n: number, seed = 7): { x: Float32Array; y: Float32Array; n: number } {
  const rng = createRng(seed);
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    y[i] = label;
    x[2 * i] = rng.gaussian(label ? 1 : -1, 0.7);
    x[2 * i + 1] = rng.gaussian(label ? -0.5 : 0.5, 0.7);
  }
  return { x, y, n };
}
