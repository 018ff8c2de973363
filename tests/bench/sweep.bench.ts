/**
 * The pool, side by side in one run: a 16-trial sweep on 2 pool workers against 1, a
 * 101×101 landscape of an MLP 2-32-32-2 by row tiles on 2 workers against 1, and (when
 * Debian's redis-server is there: a private one on a free loopback port) the same sweep
 * through BullMQ served by one `atlas worker` of 2 against the local pool of 2.
 * Every pool is warmed with the same work per worker and measured in turns; each ratio is a
 * median of neighbouring pairs (seven sweeps, three landscapes). A row measures the machine's
 * own two-thread ceiling, against which the pool's speed-ups are read. BENCH_TRACE=1 prints
 * every measurement.
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

/** Each measurement on stderr with BENCH_TRACE=1, to see the spread behind a median. */
const trace = (line: string) => {
  if (process.env.BENCH_TRACE) process.stderr.write(`bench: ${line}\n`);
};

/**
 * Warms a pool with the same work per worker whatever its size: `rounds` runs per worker.
 * A fresh worker keeps getting faster for about 50 trials (its JIT and wasm tiers settle: a
 * 2-worker pool's sweeps went 3.4, 0.92, 0.72, 0.63, 0.57, 0.54, 0.52 s), so a warm-up by
 * sweeps alone left the bigger pool, whose workers had each seen fewer trials, slower.
 */
async function warmPerWorker(
  workers: number,
  rounds: number,
  time: () => Promise<number>,
): Promise<void> {
  for (let i = 0; i < rounds * workers; i++)
    trace(`warm-up ${i + 1}: ${(await time()).toFixed(3)} s`);
}

/** Eight sweeps per worker: 128 trials on each. */
const warmSweeps = (runner: TaskRunner, workers: number) =>
  warmPerWorker(workers, 8, () => timeSweep(runner));

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

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Turns {
  /** Median seconds of each side. */
  readonly a: number;
  readonly b: number;
  /** Median of the neighbouring pairs' ratios, b's time over a's (a's speed-up). */
  readonly ratio: number;
}

/**
 * Two warm setups measured in turns (a, b, a, b, …): each ratio comes from two neighbouring
 * measurements, so the machine's drift (other tenants) cancels, and the medians drop outliers.
 */
async function inTurns(
  what: string,
  rounds: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<Turns> {
  const times = { a: [] as number[], b: [] as number[], ratio: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    times.a.push(await a());
    times.b.push(await b());
    times.ratio.push(times.b.at(-1)! / times.a.at(-1)!);
    trace(`${what}: ${times.a.at(-1)!.toFixed(3)} s against ${times.b.at(-1)!.toFixed(3)} s`);
  }
  return { a: median(times.a), b: median(times.b), ratio: median(times.ratio) };
}

/**
 * The same sweep through BullMQ (one `atlas worker` of 2, started here) and on a fresh local
 * pool of 2, both warmed alike, in turns.
 */
async function redisRow(): Promise<BenchRow | null> {
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
  const local = createLocalPool(2);
  try {
    await until(`${url} to answer`, () =>
      probeRedis(parseRedisUrl(url), 500).then(
        () => true,
        () => false,
      ),
    );
    const queue = await connectQueue(url);
    try {
      await warmSweeps(queue, 2);
      await warmSweeps(local, 2);
      const turns = await inTurns(
        'sweep through Redis, then on the local pool',
        7,
        () => timeSweep(queue),
        () => timeSweep(local),
      );
      return {
        bench: 'sweep 16 trials: Redis queue vs local pool (2 workers each)',
        a: `${(16 / turns.a).toFixed(2)} trials/s`,
        b: `${(16 / turns.b).toFixed(2)} trials/s`,
        ratio: turns.ratio,
        target: '≥ 0.9×',
      };
    } finally {
      await queue.close();
    }
  } finally {
    await local.close();
    // The worker first (it finishes and closes its connection), then its Redis.
    if (worker.exitCode === null && worker.signalCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    redis.kill('SIGKILL');
  }
}

/**
 * Pools of 1 and 2, each warmed with the same work per worker, measured in turns: sweeps
 * first, then (warmed again, since a worker that switches task kinds is slower for a while)
 * landscapes.
 */
export async function benchSweep(): Promise<BenchRow[]> {
  const one = createLocalPool(1);
  const two = createLocalPool(2);
  let sweep: Turns;
  let landscape: Turns;
  try {
    await warmSweeps(one, 1);
    await warmSweeps(two, 2);
    sweep = await inTurns(
      'sweep on 2 workers, then on 1',
      7,
      () => timeSweep(two),
      () => timeSweep(one),
    );
    // Four landscapes per worker.
    await warmPerWorker(1, 4, () => timeLandscape(one, 1));
    await warmPerWorker(2, 4, () => timeLandscape(two, 2));
    landscape = await inTurns(
      'landscape on 2 workers, then on 1',
      3,
      () => timeLandscape(two, 2),
      () => timeLandscape(one, 1),
    );
  } finally {
    await Promise.all([one.close(), two.close()]);
  }
  const redis = await redisRow();
  const ceiling = await twoThreadCeiling();
  return [
    {
      bench: 'sweep 16 trials (spiral MLP, 100 steps): 2 workers vs 1',
      a: `${(16 / sweep.a).toFixed(2)} trials/s`,
      b: `${(16 / sweep.b).toFixed(2)} trials/s`,
      ratio: sweep.ratio,
      target: '≥ 1.7×',
    },
    {
      bench: 'landscape 101×101 MLP 2-32-32-2 by row tiles: 2 workers vs 1',
      a: `${Math.round((101 * 101) / landscape.a)} points/s`,
      b: `${Math.round((101 * 101) / landscape.b)} points/s`,
      ratio: landscape.ratio,
      target: '≥ 1.7×',
    },
    {
      bench: "this machine's own 2 threads vs 1 (a float kernel, no pool)",
      a: '2 threads',
      b: '1 thread',
      ratio: ceiling,
      target: 'info',
    },
    ...(redis ? [redis] : []),
  ];
}
