/**
 * The pool, side by side in one run: a 16-trial sweep on 2 worker threads against 1, a
 * 101×101 landscape of an MLP 2-32-32-2 by row tiles on 2 threads against 1, and (when
 * Debian's redis-server is there: a private one on a free loopback port) the same sweep
 * through BullMQ served by one `atlas worker` of 2 threads against the local pool of 2.
 * Pools are warmed first (one whole sweep) and measured in turns; each ratio is a median of
 * neighbouring pairs (five sweeps, three landscapes). A last row measures the machine's own
 * two-thread ceiling, against which the pool's speed-ups are read.
 * Run alone: `npx tsx tests/bench/run.ts sweep`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createLocalPool, type TaskRunner } from '../../src-main/pool/localPool';
import { tiledSurface } from '../../src-main/pool/tiledSurface';
import { connectQueue } from '../../src-main/queue/queueClient';
import { parseRedisUrl, probeRedis } from '../../src-main/queue/redisUrl';
import { linspace } from '../../src-shared/engine/landscape/plane-axes';
import { createRng } from '../../src-shared/engine/random';
import { defaultParams, parseGraph, serializeGraph } from '../../src-shared/graph/index';
import { runSweep } from '../../src-shared/sweep/run-sweep';
import { until } from '../support/until';
import { twoThreadCeiling } from './machine-ceiling';
import type { BenchRow } from './report';

const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({
  id,
  type,
  params: { ...defaultParams(type), ...params },
  position: { x: 0, y: 0 },
});

/** Spiral, MLP 2-32-32-2, SGD: 16 learning rates, 100 steps each. */
function sweepGraph() {
  const parsed = parseGraph({
    format: 'gradient-atlas/graph',
    version: 2,
    name: 'bench',
    nodes: [
      node('data', 'dataset.spiral', { samples: 400 }),
      node('mlp', 'model.mlp', { hidden: [32, 32] }),
      node('sgd', 'optimizer.sgd', { lr: 0.1, momentum: 0.9 }),
      node('train', 'train', { epochs: 10, batchSize: 32 }),
    ],
    edges: [
      { id: 'e1', from: { node: 'data', port: 'dataset' }, to: { node: 'mlp', port: 'dataset' } },
      { id: 'e2', from: { node: 'data', port: 'dataset' }, to: { node: 'train', port: 'dataset' } },
      { id: 'e3', from: { node: 'mlp', port: 'model' }, to: { node: 'train', port: 'model' } },
      {
        id: 'e4',
        from: { node: 'sgd', port: 'optimizer' },
        to: { node: 'train', port: 'optimizer' },
      },
    ],
    sweep: { axes: [{ node: 'sgd', param: 'lr', range: [1e-3, 1], scale: 'log', count: 16 }] },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { graph: parsed.graph, text: serializeGraph(parsed.graph) };
}

const seconds = async (work: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
};

async function timeSweep(runner: TaskRunner): Promise<number> {
  const { graph, text } = sweepGraph();
  return seconds(() => runSweep(graph, text, (task) => runner.runTrial(task)));
}

/**
 * Every thread has loaded tfjs and its code is JIT-warm: one whole sweep first. A 4-trial
 * warm-up left the first timed trials 2-4x slower than later ones (measured per trial), which
 * penalised whichever pool had seen fewer trials per thread.
 */
async function warm(runner: TaskRunner): Promise<void> {
  await timeSweep(runner);
}

async function timeLandscape(runner: TaskRunner, threads: number): Promise<number> {
  const { text } = sweepGraph();
  // A plane through a random point: throughput does not depend on where it is.
  const rng = createRng(1);
  const size = 2 * 32 + 32 + 32 * 32 + 32 + 32 * 2 + 2;
  const vector = (scale: number) =>
    Float32Array.from({ length: size }, () => rng.gaussian(0, scale));
  const fill = tiledSurface(
    runner,
    { graph: text, run: 'train', evalSamples: 1000, evalSeed: 0, mode: 'auto', backend: 'auto' },
    4 * threads,
  );
  const axis = linspace(-1, 1, 101);
  return seconds(() =>
    fill({ center: vector(0.3), delta: vector(0.1), eta: vector(0.1), alphas: axis, betas: axis }),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Debian's redis-server, when installed (the bench says so and skips the row without it). */
const hasRedisServer = (): boolean => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** The same sweep through BullMQ and on the local pool of 2, in turns. */
async function redisRow(local: TaskRunner): Promise<BenchRow | null> {
  if (!hasRedisServer()) {
    process.stderr.write(
      'bench: sweep through Redis skipped: redis-server is not installed (apt-get install redis-server)\n',
    );
    return null;
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const worker = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/cli/atlas.ts', 'worker', '--queue', url, '--concurrency', '2'],
    { stdio: 'ignore' },
  );
  try {
    await until(`${url} to answer`, () =>
      probeRedis(parseRedisUrl(url), 500).then(
        () => true,
        () => false,
      ),
    );
    const queue = await connectQueue(url);
    try {
      await warm(queue);
      const times = { remote: [] as number[], local: [] as number[], ratio: [] as number[] };
      for (let i = 0; i < 5; i++) {
        times.remote.push(await timeSweep(queue));
        times.local.push(await timeSweep(local));
        times.ratio.push(times.local.at(-1)! / times.remote.at(-1)!);
      }
      return {
        bench: 'sweep 16 trials: Redis queue vs local pool (2 threads each)',
        a: `${(16 / median(times.remote)).toFixed(2)} trials/s`,
        b: `${(16 / median(times.local)).toFixed(2)} trials/s`,
        ratio: median(times.ratio),
        target: '≥ 0.9×',
      };
    } finally {
      await queue.close();
    }
  } finally {
    // The worker first (it finishes and closes its connection), then its Redis.
    if (worker.exitCode === null && worker.signalCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    redis.kill('SIGKILL');
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * One pool of each size, both warm, measured in turns (1, 2, 1, 2, …): each ratio is taken
 * from two neighbouring measurements, so the machine's drift (other tenants) cancels.
 */
export async function benchSweep(): Promise<BenchRow[]> {
  const pools = { one: createLocalPool(1), two: createLocalPool(2) };
  const rows: BenchRow[] = [];
  const sweep = { one: [] as number[], two: [] as number[], ratio: [] as number[] };
  const landscape = { one: [] as number[], two: [] as number[], ratio: [] as number[] };
  try {
    for (const [threads, pool] of [
      [1, pools.one],
      [2, pools.two],
    ] as const) {
      await warm(pool);
      await timeLandscape(pool, threads); // warms the tile path too
    }
    for (let i = 0; i < 5; i++) {
      sweep.one.push(await timeSweep(pools.one));
      sweep.two.push(await timeSweep(pools.two));
      sweep.ratio.push(sweep.one.at(-1)! / sweep.two.at(-1)!);
    }
    for (let i = 0; i < 3; i++) {
      landscape.one.push(await timeLandscape(pools.one, 1));
      landscape.two.push(await timeLandscape(pools.two, 2));
      landscape.ratio.push(landscape.one.at(-1)! / landscape.two.at(-1)!);
    }
    await pools.one.close();
    const redis = await redisRow(pools.two);
    if (redis) rows.push(redis);
  } finally {
    await Promise.all([pools.one.close(), pools.two.close()]);
  }
  const ceiling = await twoThreadCeiling();
  rows.unshift(
    {
      bench: 'sweep 16 trials (spiral MLP, 100 steps): 2 threads vs 1',
      a: `${(16 / median(sweep.two)).toFixed(2)} trials/s`,
      b: `${(16 / median(sweep.one)).toFixed(2)} trials/s`,
      ratio: median(sweep.ratio),
      target: '≥ 1.7×',
    },
    {
      bench: 'landscape 101×101 MLP 2-32-32-2 by row tiles: 2 threads vs 1',
      a: `${Math.round((101 * 101) / median(landscape.two))} points/s`,
      b: `${Math.round((101 * 101) / median(landscape.one))} points/s`,
      ratio: median(landscape.ratio),
      target: '≥ 1.7×',
    },
    {
      bench: "this machine's own 2 threads vs 1 (a float kernel, no pool)",
      a: '2 threads',
      b: '1 thread',
      ratio: ceiling,
      target: 'info',
    },
  );
  return rows;
}
