/**
 * `atlas worker --queue redis://HOST:PORT [--concurrency N]`: serves sweep trials (and
 * landscape tiles) from BullMQ on Redis until stopped, on a pool of N worker processes.
 */
import { Worker } from 'bullmq';
import { createLocalPool, defaultPoolSize } from '../../pool/localPool';
import { QUEUE_NAME, QUEUE_PREFIX, redisClient } from '../../queue/connection';
import { describeTarget, parseRedisUrl, probeRedis } from '../../queue/redisUrl';
import type { Command } from '../command';
import { type CliIo, EXIT } from '../io';
import { integerOption, parseOptions, UsageError } from '../options';
import { reportFailure } from './run';

const WORKER_USAGE = '--queue redis://HOST:PORT [--concurrency N] [--lock-ms MS] [--stalled-ms MS]';

export const WORKER_HELP = `
Serves the tasks that \`atlas sweep … --queue URL\` and \`atlas landscape … --queue URL\`
submit. Start one worker per machine (each runs N tasks at once, default: cores − 1):

  on the machine with Redis:   redis-server --bind 0.0.0.0 --protected-mode no
  on each worker machine:      npm run atlas -- worker --queue redis://REDIS_HOST:6379
  on your machine:             npm run atlas -- sweep graph.json --queue redis://REDIS_HOST:6379

Every machine needs this repository (same version) and \`npm install\`. A dataset.csv path
is read on the worker, relative to its working folder. A worker that dies mid-task loses
nothing: after --lock-ms without its heartbeat, another worker re-runs the task (checked
every --stalled-ms), and each result is counted once. Stop a worker with Ctrl-C: it
finishes its current tasks first. Keep Redis on a private network, or use rediss:// with
a password (redis://:PASSWORD@HOST:PORT).
`;

function parseWorkerArgs(args: readonly string[]) {
  const { positional, options } = parseOptions(args, [
    'queue',
    'concurrency',
    'lock-ms',
    'stalled-ms',
  ]);
  if (positional.length > 0 || !options.has('queue')) {
    throw new UsageError(`usage: atlas worker ${WORKER_USAGE}`);
  }
  return {
    queue: options.get('queue')!,
    concurrency: integerOption(options, 'concurrency', 1, 256) ?? defaultPoolSize(),
    lockMs: integerOption(options, 'lock-ms', 500, 3_600_000) ?? 30_000,
    stalledMs: integerOption(options, 'stalled-ms', 200, 3_600_000) ?? 15_000,
  };
}

async function serve(args: readonly string[], io: CliIo): Promise<number> {
  const opts = parseWorkerArgs(args);
  const target = parseRedisUrl(opts.queue);
  await probeRedis(target);
  const connection = redisClient(target);
  const pool = createLocalPool(opts.concurrency, process.cwd());
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      if (job.name === 'trial') return pool.runTrial(job.data);
      if (job.name === 'tile') return pool.runTile(job.data);
      throw new Error(`unknown task kind '${job.name}'`);
    },
    {
      connection,
      prefix: QUEUE_PREFIX,
      concurrency: opts.concurrency,
      lockDuration: opts.lockMs,
      stalledInterval: opts.stalledMs,
      // A job whose worker died is re-run; one that stalls again is re-run once more.
      maxStalledCount: 2,
    },
  );
  worker.on('error', (error) => io.stderr.write(`atlas worker: ${error.message}\n`));
  worker.on('active', (job) => io.stderr.write(`  start ${job.id}\n`));
  worker.on('completed', (job) => io.stderr.write(`  done ${job.id}\n`));
  worker.on('failed', (job, error) => io.stderr.write(`  failed ${job?.id}: ${error.message}\n`));
  await worker.waitUntilReady();
  io.stderr.write(
    `atlas worker: serving ${describeTarget(target)} with ${opts.concurrency} worker process(es); Ctrl-C to stop\n`,
  );
  const signalled = () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
  await signalled();
  io.stderr.write('atlas worker: finishing current tasks (Ctrl-C again: stop now)…\n');
  // A second signal stops at once: the queue re-runs the unfinished tasks on another worker.
  const forced = signalled().then(() => worker.close(true));
  await Promise.race([worker.close(), forced]);
  await pool.close();
  // BullMQ leaves a connection it was given open; closed, nothing keeps the process alive.
  connection.disconnect();
  return EXIT.ok;
}

export const workerCommand: Command = {
  name: 'worker',
  usage: WORKER_USAGE,
  summary: 'Serve sweep trials and landscape tiles from a BullMQ queue on Redis',
  help: WORKER_HELP,
  async run(args, io) {
    try {
      return await serve(args, io);
    } catch (error) {
      return reportFailure(error, io);
    }
  },
};
