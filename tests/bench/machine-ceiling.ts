/**
 * What this machine itself gives two threads: the same tfjs-wasm kernel (a small MLP's
 * gradient; no engine, no pool) in two worker threads at once against one thread alone. On a
 * VM whose two vCPUs share one core's floating-point units this is well under 2×, and no pool
 * can beat it: the pool's rows are read against it.
 */
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./ceiling-worker.mjs', import.meta.url);

interface KernelThread {
  run(reps: number): Promise<void>;
  close(): Promise<number>;
}

async function kernelThread(): Promise<KernelThread> {
  const worker = new Worker(WORKER);
  let pending: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  const ready = new Promise<void>((resolve) => worker.once('message', () => resolve()));
  worker.on('error', (error) => pending?.reject(error));
  worker.on('message', () => pending?.resolve());
  await ready;
  return {
    run: (reps) =>
      new Promise<void>((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(reps);
      }),
    close: () => worker.terminate(),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Throughput of two threads over one (2 · t_alone / t_together), the median of `rounds`. */
export async function twoThreadCeiling(rounds = 7, reps = 800): Promise<number> {
  const [first, second] = await Promise.all([kernelThread(), kernelThread()]);
  try {
    await Promise.all([first.run(reps), second.run(reps)]); // JIT-warm both
    const ratios: number[] = [];
    for (let i = 0; i < rounds; i++) {
      let start = performance.now();
      await first.run(reps);
      const alone = performance.now() - start;
      start = performance.now();
      await Promise.all([first.run(reps), second.run(reps)]);
      const together = performance.now() - start;
      ratios.push((2 * alone) / together);
    }
    return median(ratios);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
}
