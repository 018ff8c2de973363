/**
 * λmax / λmin maps over the plane (a colouring by curvature): exact on analytic surfaces,
 * checked against the closed-form eigenvalues of Rosenbrock's Hessian, and carried to the
 * viewer by the landscape command's `curvatureMap`.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../../../src-shared/engine/host/engine-session';
import { curvatureMap } from '../../../../src-shared/engine/landscape/curvature';
import { createModel } from '../../../../src-shared/engine/models';
import { type EngineMessage, parseEngineMessage } from '../../../../src-shared/protocol/engine';
import { quadraticGraph } from '../host/graphs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Eigenvalues of Rosenbrock's H = [[2 − 400y + 1200x², −400x], [−400x, 200]]. */
function rosenbrockEigen(x: number, y: number): [number, number] {
  const a = 2 - 400 * y + 1200 * x * x;
  const b = -400 * x;
  const d = 200;
  const mean = (a + d) / 2;
  const radius = Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return [mean + radius, mean - radius];
}

describe('curvature maps', () => {
  it('Rosenbrock: λmax and λmin at every lattice point equal the closed form', async () => {
    const model = createModel('model.surface', { fn: 'rosenbrock' }, null);
    const plane = {
      center: Float32Array.of(0, 0),
      delta: Float32Array.of(1, 0),
      eta: Float32Array.of(0, 1),
    };
    const xs = [-1.5, -0.5, 0.25, 1];
    const ys = [-0.5, 0.5, 1, 2.5];
    const before = tf.memory().numTensors;
    const map = await curvatureMap(model, null, plane, xs, ys, {}, async () => {});
    expect(tf.memory().numTensors).toBe(before);
    let negatives = 0;
    for (const [j, y] of ys.entries()) {
      for (const [i, x] of xs.entries()) {
        const [max, min] = rosenbrockEigen(Math.fround(x), Math.fround(y));
        expect(map.lambdaMax[j * 4 + i]).toBeCloseTo(max, 6);
        expect(map.lambdaMin[j * 4 + i]).toBeCloseTo(min, 6);
        if (min < 0) negatives++;
      }
    }
    expect(negatives).toBeGreaterThan(0); // the map shows where Rosenbrock is not convex
  });

  it('the landscape command returns a λmax/λmin map when asked (quadratic: 10 and 1 everywhere)', async () => {
    const messages: EngineMessage[] = [];
    let answered: () => void = () => {};
    const resultArrived = new Promise<void>((resolve) => {
      answered = resolve;
    });
    const session = new EngineSession(
      (m) => {
        messages.push(m);
        if (m.type === 'landscapeResult' || m.type === 'error') answered();
      },
      {
        backend: { name: 'cpu', reason: 'test' },
        host: 'node',
        batchMs: 1,
      },
    );
    session.handle({ type: 'load', graph: quadraticGraph({ landscapeGrid: 5 }), launch: 1 });
    session.handle({ type: 'start' });
    await session.whenFinished;
    session.handle({ type: 'landscape', request: 2, grid: 5, curvatureMap: 3 });
    await resultArrived;
    for (const m of messages) expect(parseEngineMessage(m).ok).toBe(true);
    const result = messages.find((m) => m.type === 'landscapeResult');
    if (result?.type !== 'landscapeResult') throw new Error('no landscape result');
    const map = result.result.curvatureMap!;
    expect(map.grid).toBe(3);
    expect(map.lambdaMax).toEqual(Array(9).fill(10));
    expect(map.lambdaMin).toEqual(Array(9).fill(1));
    session.dispose();
  });
});
