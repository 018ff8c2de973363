/**
 * The local pool: Node worker threads (tinypool), each with its own tfjs backend, running
 * sweep trials and landscape tiles. Size: the core count minus one, at least 1, unless set.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { TrialOutcome, TrialTask } from '../../src-shared/protocol/sweep';
import { TrialOutcomeSchema } from '../../src-shared/protocol/sweep';

export const defaultPoolSize = (): number => Math.max(1, availableParallelism() - 1);

export interface LocalPool {
  readonly size: number;
  runTrial(task: TrialTask): Promise<TrialOutcome>;
  close(): Promise<void>;
}

export function createLocalPool(size: number = defaultPoolSize(), baseDir?: string): LocalPool {
  const pool = new Tinypool({
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
    async close() {
      await pool.destroy();
    },
  };
}
