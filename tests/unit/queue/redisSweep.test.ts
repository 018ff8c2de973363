/**
 * Sweeps through BullMQ on a real Redis (Debian's redis-server on a free loopback port):
 * two `atlas worker` processes, one SIGKILLed mid-trial; every trial comes back exactly
 * once with the numbers of a local run. Needs Debian's redis-server (skipped without it).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { connectQueue } from '../../../src-main/queue/queueClient';
import { parseRedisUrl, probeRedis } from '../../../src-main/queue/redisUrl';
import { defaultParams, parseGraph, serializeGraph } from '../../../src-shared/graph/index';
import { TrialDoneEventSchema } from '../../../src-shared/protocol/sweep';
import { runSweep } from '../../../src-shared/sweep/run-sweep';
import { memoryIo } from '../cli/memoryIo';

const hasRedis = (() => {
  try {
    execFileSync('redis-server', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves once Redis answers PING (polling its observable state, no fixed sleep). */
async function untilReachable(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      await probeRedis(parseRedisUrl(url), 1000);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} never answered`);
}

const dir = mkdtempSync(join(tmpdir(), 'atlas-redis-'));

/** A sweep over SGD on one analytic surface: the surface, SGD and train params, the axis. */
function surfaceSweep(
  name: string,
  params: { surface: object; sgd: object; train: object },
  axis: object,
) {
  const node = (id: string, type: string, values: object) => ({
    id,
    type,
    params: { ...defaultParams(type), ...values },
    position: { x: 0, y: 0 },
  });
  const edge = (id: string, from: string, port: string) => ({
    id,
    from: { node: from, port },
    to: { node: 'train', port },
  });
  return {
    format: 'gradient-atlas/graph',
    version: 2,
    name,
    nodes: [
      node('surface', 'model.surface', params.surface),
      node('sgd', 'optimizer.sgd', params.sgd),
      node('train', 'train', params.train),
    ],
    edges: [edge('e1', 'surface', 'model'), edge('e2', 'sgd', 'optimizer')],
    sweep: { axes: [{ node: 'sgd', param: 'lr', ...axis }] },
  };
}

/** 12 trials on Rosenbrock, long enough (1500 steps) to be killed in the middle of one. */
function graphFile(): string {
  const path = join(dir, 'sweep12.json');
  const doc = surfaceSweep(
    'Redis sweep',
    {
      surface: { fn: 'rosenbrock', start: [-1, 1.5] },
      sgd: { lr: 0.001, momentum: 0.5 },
      train: { epochs: 1500 },
    },
    { range: [1e-5, 1e-3], scale: 'log', count: 12 },
  );
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

async function sweep(args: string[]) {
  const io = memoryIo();
  const code = await runCli(['sweep', ...args, '--backend', 'cpu'], io);
  const done = io
    .out()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((l) => l.type === 'trial' && l.event === 'done')
    .map((l) => {
      const { timeMs: _t, ...rest } = TrialDoneEventSchema.parse(l);
      return rest;
    });
  return { code, done, err: io.err() };
}

describe.skipIf(!hasRedis)('sweeps through BullMQ on Redis', () => {
  let redis: ChildProcess;
  let url = '';
  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await untilReachable(url);
  });
  afterAll(() => {
    redis?.kill('SIGKILL');
  });

  it('a worker stopped with SIGTERM closes its connection and ends', async () => {
    const worker = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/atlas.ts', 'worker', '--queue', url, '--concurrency', '1'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    await new Promise<void>((ready) => {
      worker.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('serving')) ready();
      });
    });
    const exited = new Promise<boolean>((resolve) => worker.once('exit', () => resolve(true)));
    worker.kill('SIGTERM');
    // It ends (before, BullMQ's open connection kept it alive after its tasks were done).
    expect(await exited).toBe(true);
  });

  it('a worker SIGKILLed mid-trial loses nothing: 12 trials, each once, numbers as a local run', async () => {
    const file = graphFile();
    const local = await sweep([file, '--workers', '2']);
    expect(local.code).toBe(0);
    const workers = [0, 1].map(() =>
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src-main/cli/atlas.ts',
          'worker',
          '--queue',
          url,
          '--concurrency',
          '1',
          '--lock-ms',
          '1500',
          '--stalled-ms',
          '500',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      ),
    );
    const logs = workers.map(() => [] as string[]);
    const served = workers.map(
      (w, i) =>
        new Promise<void>((ready) => {
          w.stderr!.on('data', (chunk: Buffer) => {
            logs[i]!.push(chunk.toString());
            if (chunk.toString().includes('serving')) ready();
          });
        }),
    );
    await Promise.all(served);
    // Kill worker 0 as soon as it has taken a trial, before the trial can finish.
    let killed = false;
    workers[0]!.stderr!.on('data', (chunk: Buffer) => {
      if (!killed && chunk.toString().includes('start ')) {
        killed = true;
        workers[0]!.kill('SIGKILL');
      }
    });
    try {
      const remote = await sweep([file, '--queue', url]);
      expect(remote.code).toBe(0);
      expect(killed).toBe(true);
      expect(remote.done.map((d) => d.trial).sort((a, b) => a - b)).toEqual([
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
      ]);
      const byTrial = (list: typeof local.done) => [...list].sort((a, b) => a.trial - b.trial);
      expect(byTrial(remote.done)).toEqual(byTrial(local.done));
      // Worker 1 took over the killed worker's trial (it logged more than its share).
      expect(logs[1]!.join('')).toContain('done ');
    } finally {
      for (const w of workers) w.kill('SIGKILL');
    }
  }, 300_000); // bounds a hang: two 12-trial sweeps on a loaded 2-core machine

  it('one connection runs two sweeps, and the second gets its own results, not the first results', async () => {
    const worker = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/atlas.ts', 'worker', '--queue', url, '--concurrency', '1'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    await new Promise<void>((ready) => {
      let log = '';
      worker.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('serving')) ready();
      });
    });
    const graphAt = (start: [number, number]) => {
      const parsed = parseGraph(
        surfaceSweep(
          'two sweeps',
          { surface: { fn: 'quadratic', start }, sgd: { lr: 0.1 }, train: { epochs: 5 } },
          { values: [0.05, 0.1] },
        ),
      );
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      return parsed.graph;
    };
    const queue = await connectQueue(url);
    try {
      const finals = async (start: [number, number]) => {
        const graph = graphAt(start);
        const outcomes = await runSweep(graph, serializeGraph(graph), (t) => queue.runTrial(t), {
          backend: 'cpu',
        });
        return outcomes.map((o) => o.summary.finalLoss);
      };
      const near = await finals([0.5, 0.5]);
      const far = await finals([2, 2]);
      // The same trial indices, a different graph: sixteen times the loss (4x the distance).
      for (const [i, value] of far.entries()) expect(value).toBeCloseTo(16 * near[i]!, 4);
    } finally {
      await queue.close();
      worker.kill('SIGKILL');
    }
  }, 120_000);
});
