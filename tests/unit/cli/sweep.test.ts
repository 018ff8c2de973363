/** `atlas sweep`: NDJSON trial events, results files, exit codes, same numbers on 1 or 2 workers. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { defaultParams } from '../../../src-shared/graph/index';
import { StepEventSchema } from '../../../src-shared/protocol/events';
import {
  SweepDoneEventSchema,
  TrialDoneEventSchema,
  TrialStartEventSchema,
  type TrialSummary,
} from '../../../src-shared/protocol/sweep';
import { memoryIo } from './memoryIo';

const dir = mkdtempSync(join(tmpdir(), 'atlas-sweep-'));

/** Rosenbrock + SGD, 40 steps: trials take milliseconds. */
function sweepGraph(sweep: unknown, name = 'g'): string {
  const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({
    id,
    type,
    params: { ...defaultParams(type), ...params },
    position: { x: 0, y: 0 },
  });
  const graph = {
    format: 'gradient-atlas/graph',
    version: 2,
    name: 'Sweep test',
    nodes: [
      node('surface', 'model.surface', { fn: 'rosenbrock', start: [-1, 1.5] }),
      node('sgd', 'optimizer.sgd', { lr: 0.001 }),
      node('train', 'train', { epochs: 40 }),
    ],
    edges: [
      { id: 'e1', from: { node: 'surface', port: 'model' }, to: { node: 'train', port: 'model' } },
      {
        id: 'e2',
        from: { node: 'sgd', port: 'optimizer' },
        to: { node: 'train', port: 'optimizer' },
      },
    ],
    sweep,
  };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(graph));
  return path;
}

async function sweep(args: string[]) {
  const io = memoryIo();
  const code = await runCli(['sweep', ...args, '--backend', 'cpu'], io);
  const lines = io
    .out()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  return { code, lines, err: io.err() };
}

const summaries = (lines: { type: string; event?: string }[]): Omit<TrialSummary, 'timeMs'>[] =>
  lines
    .filter((l) => l.type === 'trial' && l.event === 'done')
    .map((l) => {
      const { timeMs: _t, type: _ty, event: _e, ...rest } = TrialDoneEventSchema.parse(l);
      return rest;
    })
    .sort((a, b) => a.trial - b.trial);

const LR_AXIS = { node: 'sgd', param: 'lr', range: [1e-4, 1e-3], scale: 'log', count: 4 };

describe('atlas sweep', () => {
  it('streams start, step and done per trial, then sweep-done; same numbers on 1 and 2 workers', async () => {
    const file = sweepGraph({ axes: [LR_AXIS] }, 'grid');
    const one = await sweep([file, '--workers', '1']);
    const two = await sweep([file, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const starts = one.lines
      .filter((l) => l.event === 'start')
      .map((l) => TrialStartEventSchema.parse(l));
    expect(starts.map((s) => s.params['sgd.lr'])).toEqual(
      expect.arrayContaining([1e-4, 0.000215443469003, 0.000464158883361, 1e-3]),
    );
    const steps = one.lines.filter((l) => l.event === 'step');
    expect(steps).toHaveLength(4 * 40);
    StepEventSchema.parse({ ...steps[0], type: 'step' });
    // Rosenbrock at the start (-1, 1.5): (1 - x)² + 100 (y - x²)² = 4 + 25
    expect(steps.find((s) => s.trial === 0 && s.step === 0).loss).toBeCloseTo(29, 5);
    const a = summaries(one.lines);
    expect(a.map((s) => s.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(summaries(two.lines)).toEqual(a);
    // A larger lr gets further in 40 steps.
    const finals = a.map((s) => s.finalLoss!);
    expect(finals).toEqual([...finals].sort((x, y) => y - x));
    const done = SweepDoneEventSchema.parse(one.lines.at(-1));
    expect(done).toMatchObject({ trials: 4, completed: 4, diverged: 0, stopped: 0 });
    expect(done.best?.trial).toBe(3);
    expect(one.err).toContain('best: trial 3');
  });

  it('writes CSV and JSON results', async () => {
    const file = sweepGraph({ axes: [{ node: 'sgd', param: 'lr', values: [1e-4, 5e-4] }] }, 'out');
    const csv = join(dir, 'r.csv');
    expect((await sweep([file, '--workers', '1', '--out', csv])).code).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe(
      'trial,sgd.lr,status,steps,finalLoss,bestLoss,valLoss,valAccuracy,timeMs,reason',
    );
    expect(rows[1]).toMatch(/^0,0\.0001,completed,40,[0-9.]+,[0-9.]+,,,\d+,$/);
    const json = join(dir, 'r.json');
    expect((await sweep([file, '--workers', '1', '--out', json])).code).toBe(0);
    const parsed = JSON.parse(readFileSync(json, 'utf8'));
    expect(parsed.format).toBe('gradient-atlas/sweep-results');
    expect(parsed.trials).toHaveLength(2);
    expect(parsed.best.trial).toBe(1);
  });

  it('exit 3 when every trial diverged', async () => {
    const file = sweepGraph({ axes: [{ node: 'sgd', param: 'lr', values: [0.5, 1] }] }, 'diverge');
    const result = await sweep([file, '--workers', '1']);
    expect(result.code).toBe(3);
    const done = SweepDoneEventSchema.parse(result.lines.at(-1));
    expect(done).toMatchObject({ diverged: 2, best: null });
    expect(summaries(result.lines)[0]!.reason).toMatch(/^diverged at step \d+/);
  });

  it('the median rule stops the worse half at its step and keeps their records, marked', async () => {
    const axes = [{ node: 'sgd', param: 'lr', range: [1e-5, 1e-3], scale: 'log', count: 6 }];
    const plain = summaries((await sweep([sweepGraph({ axes }, 'plain'), '--workers', '2'])).lines);
    const ruled = await sweep([
      sweepGraph({ axes, medianStop: { step: 10, minTrials: 4 } }, 'median'),
      '--workers',
      '2',
    ]);
    expect(ruled.code).toBe(0);
    const s = summaries(ruled.lines);
    expect(s.map((t) => t.status)).toEqual([
      'stopped',
      'stopped',
      'stopped',
      'completed',
      'completed',
      'completed',
    ]);
    expect(s[0]!.reason).toMatch(/^median rule at step 10: loss [0-9.]+ > median [0-9.]+$/);
    expect(s[0]!.steps).toBe(11);
    // Survivors ran in full from the start: the numbers of the sweep without the rule.
    for (const i of [3, 4, 5]) {
      const { lossAtCheck: _l, ...rest } = s[i]!;
      expect(rest).toEqual(plain[i]);
    }
    expect(SweepDoneEventSchema.parse(ruled.lines.at(-1))).toMatchObject({ stopped: 3 });
  });

  it('bad input: no sweep, bad --queue URLs, unreachable Redis — one line, exit 2', async () => {
    const none = sweepGraph(undefined, 'none');
    const noSweep = await sweep([none]);
    expect(noSweep.code).toBe(2);
    expect(noSweep.err).toMatch(/^atlas: .*none\.json: the graph has no sweep .*\n$/);
    const file = sweepGraph({ axes: [LR_AXIS] }, 'queue');
    for (const [url, message] of [
      [
        'http://localhost:6379',
        '--queue http://localhost:6379: must start with redis:// or rediss://, got http://',
      ],
      ['not a url', '--queue not a url: not a URL; use redis://HOST:PORT'],
      ['redis://127.0.0.1:1', '--queue redis://127.0.0.1:1: cannot reach Redis (ECONNREFUSED)'],
    ] as const) {
      const result = await sweep([file, '--queue', url]);
      expect(result.code).toBe(2);
      expect(result.err).toBe(`atlas: ${message}\n`);
      expect(result.lines).toEqual([]);
    }
  });
});
