/** `atlas run` streams the curvature metrics as `metric` events carrying their arrays. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { type MetricEvent, RunEventSchema } from '../../../src-shared/protocol/events';
import { memoryIo } from './memoryIo';

function graphFile(layer = 'all'): string {
  const node = (id: string, type: string, params: Record<string, unknown>) => ({
    id,
    type,
    params,
    position: { x: 0, y: 0 },
  });
  const edge = (id: string, from: string, fromPort: string, to: string, toPort: string) => ({
    id,
    from: { node: from, port: fromPort },
    to: { node: to, port: toPort },
  });
  const graph = {
    format: 'gradient-atlas/graph',
    version: 1,
    name: 'curvature',
    nodes: [
      node('data', 'dataset.moons', { samples: 120 }),
      node('mlp', 'model.mlp', { hidden: [8], activation: 'tanh' }),
      node('sgd', 'optimizer.sgd', { lr: 0.1 }),
      node('train', 'train', { maxSteps: 4, batchSize: 16 }),
      node('eigs', 'metric.hessianEigs', { every: 2, k: 3, layer }),
      node('trace', 'metric.hessianTrace', { every: 2, probes: 8 }),
      node('esd', 'metric.hessianDensity', { every: 3, steps: 12 }),
    ],
    edges: [
      edge('e1', 'data', 'dataset', 'train', 'dataset'),
      edge('e2', 'mlp', 'model', 'train', 'model'),
      edge('e3', 'sgd', 'optimizer', 'train', 'optimizer'),
      edge('e4', 'train', 'run', 'eigs', 'run'),
      edge('e5', 'train', 'run', 'trace', 'run'),
      edge('e6', 'train', 'run', 'esd', 'run'),
    ],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'atlas-curv-')), 'graph.json');
  writeFileSync(file, JSON.stringify(graph));
  return file;
}

describe('atlas run with curvature metrics', () => {
  it('emits eigenvalue arrays, trace ± standard error and the density grid and weights', async () => {
    const io = memoryIo();
    const code = await runCli(['run', graphFile(), '--events', '-', '--backend', 'cpu'], io);
    expect(io.err()).not.toMatch(/error/i);
    expect(code).toBe(0);
    const events = io
      .out()
      .trim()
      .split('\n')
      .map((line) => RunEventSchema.parse(JSON.parse(line)));
    const metric = (name: string) =>
      events.filter((e): e is MetricEvent => e.type === 'metric' && e.metric === name);
    const eigs = metric('hessianEigs');
    expect(eigs.map((e) => e.step)).toEqual([0, 2]);
    for (const e of eigs) {
      const values = e.values as number[];
      expect(values).toHaveLength(3);
      expect(values[0]).toBe(e.value);
      expect([...values].sort((a, b) => b - a)).toEqual(values);
    }
    const trace = metric('hessianTrace');
    expect(trace.map((e) => e.step)).toEqual([0, 2]);
    for (const e of trace) expect(e.stderr).toBeGreaterThan(0);
    const esd = metric('hessianDensity');
    expect(esd.map((e) => e.step)).toEqual([0, 3]);
    for (const e of esd) {
      const s = e.spectrum!;
      expect(s.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(s.grid[0]).toBeLessThanOrEqual(s.lambdaMin);
      expect(s.grid[s.grid.length - 1]).toBeGreaterThanOrEqual(s.lambdaMax);
    }
    // Same Hessian at step 0: SLQ's largest Ritz value cannot exceed the top eigenvalue.
    expect(esd[0]!.spectrum!.lambdaMax).toBeLessThanOrEqual(eigs[0]!.value! * (1 + 1e-4));
    expect(esd[0]!.spectrum!.lambdaMax).toBeGreaterThan(0.5 * eigs[0]!.value!);
  });

  it('refuses an unknown layer, naming the block and the layers there are', async () => {
    const io = memoryIo();
    const code = await runCli(
      ['run', graphFile('dense7'), '--events', '-', '--backend', 'cpu'],
      io,
    );
    expect(code).not.toBe(0);
    expect(io.err()).toMatch(
      /eigs \(metric\.hessianEigs\): no layer "dense7" in this model \(layers: all, dense1, dense2\)/,
    );
  });
});
