/**
 * The local pool: Node worker threads (tinypool), each with its own tfjs backend, running
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
    // A plain module that loads the TypeScript handler (worker threads do not inherit tsx).
    filename: new URL('./taskWorker.mjs', import.meta.url).href,
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
