/**
 * The app's sweep pool in web mode: a few module Web Workers (cores − 1, at least 1, at most
 * 4), each with its own tfjs backend; a trial goes to the first idle one.
 */
import {
  type TrialOutcome,
  TrialOutcomeSchema,
  type TrialTask,
} from '../../src-shared/protocol/sweep';

export interface WebPool {
  readonly size: number;
  runTrial(task: TrialTask): Promise<TrialOutcome>;
  close(): void;
}

export const webPoolSize = (): number =>
  Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));

export function createWebPool(size = webPoolSize()): WebPool {
  const workers = Array.from(
    { length: size },
    (_, i) =>
      new Worker(new URL('./sweep.worker.ts', import.meta.url), {
        type: 'module',
        name: `atlas-sweep-${i}`,
      }),
  );
  const idle = [...workers];
  const waiting: (() => void)[] = [];
  const pending = new Map<
    number,
    { resolve: (o: TrialOutcome) => void; reject: (e: Error) => void }
  >();
  let nextId = 0;
  for (const worker of workers) {
    worker.addEventListener('message', (event: MessageEvent) => {
      const { id, outcome, error } = event.data as {
        id: number;
        outcome?: unknown;
        error?: string;
      };
      const entry = pending.get(id);
      pending.delete(id);
      idle.push(worker);
      waiting.shift()?.();
      if (!entry) return;
      if (error !== undefined) entry.reject(new Error(error));
      else {
        const parsed = TrialOutcomeSchema.safeParse(outcome);
        if (parsed.success) entry.resolve(parsed.data);
        else entry.reject(new Error('a sweep worker sent a malformed result'));
      }
    });
  }
  return {
    size,
    async runTrial(task) {
      while (idle.length === 0) await new Promise<void>((r) => waiting.push(r));
      const worker = idle.shift()!;
      const id = nextId++;
      return new Promise<TrialOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, task });
      });
    },
    close() {
      for (const worker of workers) worker.terminate();
      for (const entry of pending.values()) entry.reject(new Error('the sweep was stopped'));
      pending.clear();
    },
  };
}
