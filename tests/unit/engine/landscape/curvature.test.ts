import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { curvatureAt, curvatureMap } from '../../../../src-shared/engine/landscape/curvature';
import { createModel } from '../../../../src-shared/engine/models';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const surface = (fn: string) => createModel('model.surface', { fn }, null);

describe('curvatureAt', () => {
  it('finds the eigenvalues 10 and 1 of the quadratic ½(x² + 10y²) and calls it a minimum', () => {
    const before = tf.memory().numTensors;
    const c = curvatureAt(surface('quadratic'), null, Float32Array.of(0.3, -0.2), { iters: 200 });
    expect(c.lambdaMax).toBeCloseTo(10, 2);
    expect(c.lambdaMin).toBeCloseTo(1, 2);
    expect(c.kind).toBe('minimum');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('classifies (0, 0) of x² − y² as a saddle with eigenvalues ±2', () => {
    const c = curvatureAt(surface('saddle'), null, Float32Array.of(0, 0));
    expect(c.kind).toBe('saddle');
    expect(c.lambdaMax).toBeCloseTo(2, 2);
    expect(c.lambdaMin).toBeCloseTo(-2, 2);
  });

  it('maps |λmin/λmax| over a lattice of the plane', async () => {
    const plane = {
      center: new Float32Array(2),
      delta: Float32Array.of(1, 0),
      eta: Float32Array.of(0, 1),
    };
    let calls = 0;
    const map = await curvatureMap(
      surface('saddle'),
      null,
      plane,
      [-1, 1],
      [-1, 1],
      {},
      async () => {
        calls += 1;
      },
    );
    expect(calls).toBe(4);
    expect(map.grid).toBe(2);
    // x² − y² has the same Hessian everywhere: ratio |−2 / 2| = 1.
    for (const r of map.ratio) expect(r).toBeCloseTo(1, 2);
  });
});
