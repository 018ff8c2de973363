/**
 * optimizer.lion against hand-derived first steps (Chen et al. 2023, Algorithm 2):
 * c = β₁·m + (1 − β₁)·g; θ ← θ − lr·(sign(c) + λ·θ); m ← β₂·m + (1 − β₂)·g.
 */
import * as tf from '@tensorflow/tfjs';
import { firstValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../../../src-shared/engine/compile-graph';
import { createOptimizer, cyclableMomentum } from '../../../../src-shared/engine/optimizers';
import { parseGraphText, validateGraph } from '../../../../src-shared/graph';
import type { StepEvent } from '../../../../src-shared/protocol/events';
import { expectPoints, type GradFn, trajectory } from './harness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * x sees g = 1, −0.05, −0.09; y sees g = 0 (sign(0) = 0: only the decay moves it). With
 * β₁ = 0.9, β₂ = 0.99 and m₀ = 0:
 *   k=1: c = 0.1·1 = 0.1 > 0;                     m₁ = 0.01
 *   k=2: c = 0.9·0.01 + 0.1·(−0.05) = 0.004 > 0   m₂ = 0.0099 − 0.0005 = 0.0094
 *   k=3: c = 0.9·0.0094 + 0.1·(−0.09) = −0.00054 < 0; m₃ = 0.009306 − 0.0009 = 0.008406
 * so x steps −lr, −lr, +lr although the 2nd gradient is already negative (the momentum wins),
 * and the 3rd step turns only because β₂'s slower average lets the gradient through.
 */
const gradients: GradFn = (_x, k) => [[[1, -0.05, -0.09][k]!, 0]];

describe('optimizer.lion', () => {
  it('has the paper’s defaults, from the catalog', () => {
    const opt = createOptimizer('optimizer.lion');
    expect(opt.getHyper('lr')).toBe(1e-4);
    expect(opt.getHyper('beta1')).toBe(0.9);
    expect(opt.getHyper('beta2')).toBe(0.99);
    expect(opt.getHyper('weightDecay')).toBe(0);
    // OneCycle cycles betas[0], as torch's OneCycleLR does for optimizers with betas.
    expect(cyclableMomentum(opt)).toBe(0.9);
    opt.dispose();
  });

  it('steps by the sign of the interpolated momentum', () => {
    const before = tf.memory().numTensors;
    const opt = createOptimizer('optimizer.lion', {});
    const path = trajectory(opt, [[0.5, 2]], gradients, {
      lr: 0.1,
      steps: 3,
      after: (o, k) => {
        if (k === 3) expect(o.state().m![0]!.dataSync()[0]).toBeCloseTo(0.008406, 7);
      },
    });
    expectPoints(path, [[[0.4, 2]], [[0.3, 2]], [[0.4, 2]]]);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('decays the weights decoupled from the sign step: θ·(1 − lr·λ) first', () => {
    const opt = createOptimizer('optimizer.lion', { weightDecay: 0.5 });
    // 1 − 0.1·0.5 = 0.95: x 0.5·0.95 − 0.1 = 0.375, 0.375·0.95 − 0.1 = 0.25625,
    // 0.25625·0.95 + 0.1 = 0.3434375; y 2·0.95ᵏ: 1.9, 1.805, 1.71475.
    const path = trajectory(opt, [[0.5, 2]], gradients, { lr: 0.1, steps: 3 });
    expectPoints(path, [[[0.375, 1.9]], [[0.25625, 1.805]], [[0.3434375, 1.71475]]]);
    opt.dispose();
  });

  it('refuses bad hyper-parameters with torch-style messages', () => {
    expect(() => createOptimizer('optimizer.lion', { beta2: 1 })).toThrow(
      'optimizer.lion: beta2 must be in [0, 1), got 1',
    );
    expect(() => createOptimizer('optimizer.lion', { weightDecay: -1 })).toThrow(
      'optimizer.lion: weightDecay must be >= 0, got -1',
    );
  });

  it('runs from a graph: validated, compiled and trained like any optimizer', async () => {
    const parsed = parseGraphText(
      JSON.stringify({
        format: 'gradient-atlas/graph',
        version: 1,
        name: 'lion',
        nodes: [
          { id: 's', type: 'model.surface', params: { fn: 'quadratic', start: [1, 1] } },
          { id: 'o', type: 'optimizer.lion', params: { lr: 0.1 } },
          { id: 't', type: 'train', params: { epochs: 3 } },
        ].map((n) => ({ ...n, position: { x: 0, y: 0 } })),
        edges: [
          { id: 'e1', from: { node: 's', port: 'model' }, to: { node: 't', port: 'model' } },
          {
            id: 'e2',
            from: { node: 'o', port: 'optimizer' },
            to: { node: 't', port: 'optimizer' },
          },
        ],
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(validateGraph(parsed.graph)).toEqual([]);
    const compiled = compileGraph(parsed.graph, {
      backend: { name: 'cpu', reason: 'test' },
      traceParams: true,
    });
    const events = firstValueFrom(compiled.controller.events$.pipe(toArray()));
    await compiled.controller.start();
    const steps = (await events).filter((e): e is StepEvent => e.type === 'step');
    compiled.dispose();
    // ½(x² + 10y²) from (1, 1): both gradients stay positive, so each step is −0.1 per axis.
    expect(steps.map((s) => s.params!.map((v) => Number(v!.toFixed(6))))).toEqual([
      [1, 1],
      [0.9, 0.9],
      [0.8, 0.8],
    ]);
  });
});
