/**
 * The landscape job reads every value back asynchronously (readback.ts), so it computes on a
 * device whose synchronous reads are refused unless fetched first (as SwiftShader's WebGPU):
 * surface, paths, interpolations, curvature at the centre and a curvature map, and the exact
 * plane shortcut, equal to the same job on an ordinary device.
 */
import * as tf from '@tensorflow/tfjs';
import { lastValueFrom } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeLandscape,
  type LandscapeInput,
} from '../../../../src-shared/engine/landscape/compute-landscape';
import { unflattenParams } from '../../../../src-shared/engine/landscape/flat-params';
import type { LandscapeResult } from '../../../../src-shared/engine/landscape/result';
import { createModel } from '../../../../src-shared/engine/models';
import { createRng } from '../../../../src-shared/engine/random';
import { asyncOnlyDevice } from '../../../support/async-only-device';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** n points of `features` Gaussian features, labelled by the sign of their sum. */
function data(n: number, features: number) {
  const rng = createRng(5);
  const x = Float32Array.from({ length: n * features }, () => rng.gaussian());
  const y = Float32Array.from({ length: n }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < features; j++) sum += x[i * features + j]!;
    return sum > 0 ? 1 : 0;
  });
  return { x, y, n };
}

function input(features: number): LandscapeInput {
  const model = createModel(
    'model.mlp',
    { hidden: [6], seed: 1 },
    { task: 'classification', numFeatures: features, numClasses: 2 },
  );
  const rng = createRng(9);
  const point = (scale: number) =>
    Float32Array.from({ length: model.size }, () => rng.gaussian(0, scale));
  const path = [point(0.5), point(0.5), point(0.5)];
  const views = (theta: Float32Array) =>
    unflattenParams(theta, model.paramInfo).map((v) => v.slice());
  return {
    model,
    evalData: data(64, features),
    center: views(path[2]!),
    init: views(path[0]!),
    trajectories: [{ run: 'a', params: path }],
    options: {
      grid: 7,
      evalSamples: 64,
      seed: 3,
      mode: 'batched',
      curvature: true,
      curvatureIters: 20,
      curvatureGrid: 2,
    },
  };
}

async function landscape(job: LandscapeInput): Promise<Omit<LandscapeResult, 'evaluation'>> {
  const last = await lastValueFrom(computeLandscape(job));
  expect(last.phase).toBe('done');
  const { evaluation: _timings, ...result } = last.result!;
  return result;
}

describe('a landscape on a device that reads asynchronously only', () => {
  for (const [name, features] of [
    ['MLP 2-6-2 (plain path)', 2],
    ['MLP 12-6-2 (first-layer shortcut)', 12],
  ] as const) {
    it(`${name}: the same result as on an ordinary device, no tensor left`, async () => {
      const before = tf.memory().numTensors;
      const expected = await landscape(input(features));
      const device = asyncOnlyDevice();
      let got: Awaited<ReturnType<typeof landscape>>;
      try {
        got = await landscape(input(features));
      } finally {
        device.restore();
      }
      expect(got).toEqual(expected);
      expect(got.curvature?.map?.ratio.length).toBe(4);
      expect(got.paths[0]!.trueLoss.every(Number.isFinite)).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
