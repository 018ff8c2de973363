/**
 * Landscapes through the engine host: after a run finished (its tensors freed) the session
 * still draws the surface and the path from what it captured. Bowl f = ½(x² + 10y²), SGD lr 0.1
 * from (−2.5, 1.5): θ1 = (−2.25, 0), θ2 = (−2.025, 0), θ3 = (−1.8225, 0).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../../../src-shared/engine/host/engine-session';
import { type EngineMessage, parseEngineMessage } from '../../../../src-shared/protocol/engine';
import { until } from '../../../support/until';
import { quadraticGraph } from './graphs';

describe('landscape command (Node host, cpu backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('computes the surface and the path of a finished run, every message valid', async () => {
    const start = tf.memory().numTensors;
    const messages: EngineMessage[] = [];
    const session = new EngineSession((m) => messages.push(m), {
      backend: { name: 'cpu', reason: 'test' },
      host: 'node',
      batchMs: 1,
    });
    session.handle({ type: 'load', graph: quadraticGraph({ landscapeGrid: 5 }), launch: 3 });
    session.handle({ type: 'start' });
    await session.whenFinished;
    await until('finish', () => messages.some((m) => m.type === 'state' && m.state === 'finished'));
    session.handle({ type: 'landscape', request: 9, grid: 5 });
    await until('result', () => messages.some((m) => m.type === 'landscapeResult'));

    const errors = messages.filter((m) => m.type === 'error');
    expect(errors).toEqual([]);
    for (const m of messages) expect(parseEngineMessage(m).ok).toBe(true);
    const result = messages.find((m) => m.type === 'landscapeResult')!;
    if (result.type !== 'landscapeResult') throw new Error('unreachable');
    expect(result).toMatchObject({
      launch: 3,
      request: 9,
      view: 'view',
      runs: ['train'],
      surfaceFn: 'quadratic',
    });
    const { axes, loss, paths, grid } = result.result;
    expect(grid).toBe(5);
    // Analytic: the loss at every grid point is f(x, y) exactly (float32).
    for (let j = 0; j < grid; j++) {
      for (let i = 0; i < grid; i++) {
        const x = axes[0].values[i]!;
        const y = axes[1].values[j]!;
        expect(loss[j * grid + i]).toBeCloseTo(0.5 * (x * x + 10 * y * y), 3);
      }
    }
    const path = paths[0]!;
    expect(path.steps).toEqual([0, 1, 2, 3]);
    expect(path.alpha.map((v) => Number(v.toFixed(4)))).toEqual([-2.5, -2.25, -2.025, -1.8225]);
    expect(path.beta.map((v) => Number(v.toFixed(4)))).toEqual([1.5, 0, 0, 0]);
    expect(messages.some((m) => m.type === 'landscapeProgress' && m.surface)).toBe(true);
    session.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('answers a landscape before any graph with a clear error', () => {
    const messages: EngineMessage[] = [];
    const session = new EngineSession((m) => messages.push(m), {
      backend: { name: 'cpu', reason: 'test' },
      host: 'node',
    });
    session.handle({ type: 'landscape', request: 1 });
    const error = messages.find((m) => m.type === 'error');
    expect(error).toMatchObject({ command: 'landscape', problems: [{ path: 'graph' }] });
    session.dispose();
  });
});
