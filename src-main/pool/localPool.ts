/**
 * The local pool: Node child processes (tinypool), each with its own tfjs backend, running
 * sweep trials and landscape tiles. Size: the core count minus one, at least 1, unless set.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import {
  type TrialOutcome,
  TrialOutcomeSchema,
  type TrialTask,
} from '../../src-shared/protocol/sweep';
import {
  type TileOutcome,
  TileOutcomeSchema,
  type TileTask,
} from '../../src-shared/protocol/tiles';

export const defaultPoolSize = (): number => Math.max(1, availableParallelism() - 1);

/**
 * Each worker collects its garbage on its own thread. V8's default sends that work to helper
 * threads, which in a pool that fills the cores can only take time from the other workers:
 * on 2 cores, five sweeps on a pool of 2 spent 1.5 s of helper CPU beside 4.7 s of trial CPU
 * and took 3.0-3.6 s, against 2.6 s with this flag. A pool of 1 with a core to spare ran as
 * fast either way. V8 flags are per process, which is why the pool's workers are processes.
 */
const WORKER_FLAGS = ['--single-threaded-gc'];

/** What runs tasks: this pool, or a queue of remote workers. */
export interface TaskRunner {
  runTrial(task: TrialTask): Promise<TrialOutcome>;
  runTile(task: TileTask): Promise<TileOutcome>;
  close(): Promise<void>;
}

export interface LocalPool extends TaskRunner {
  readonly size: number;
}

export function createLocalPool(size: number = defaultPoolSize(), baseDir?: string): LocalPool {
  const pool = new Tinypool({
    // A plain module that loads the TypeScript handler (a fresh process has no tsx loader).
    filename: new URL('./taskWorker.mjs', import.meta.url).href,
    runtime: 'child_process',
    execArgv: WORKER_FLAGS,
    // Structured clone, as between threads: tiles carry typed arrays.
    serialization: 'advanced',
    minThreads: size,
    maxThreads: size,
    // A worker keeps its tfjs backend (and wasm module) warm between tasks.
    isolateWorkers: false,
    idleTimeout: 60_000,
  });
  return {
    size,
    async runTrial(task) {
      return TrialOutcomeSchema.parse(await pool.run({ task, baseDir }));
    },
    async runTile(task) {
      return TileOutcomeSchema.parse(await pool.run({ task, baseDir }));
    },
    async close() {
      await pool.destroy();
    },
  };
}
