/**
 * The page side of the wasm-threads bench: the bench MLP's real training step (TrainRun,
 * 784-128-10, batch 128, Adam) on tfjs's wasm backend, threaded SIMD or not, as the query
 * string says (`?threads=N`; the flag must be set before the backend starts).
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { engineStepsPerSecond, syntheticDigits } from '../training.bench';

export interface ThreadsResult {
  readonly isolated: boolean;
  readonly threads: number;
  readonly stepsPerSecond: number;
}

async function measure(): Promise<ThreadsResult> {
  const threads = Number(new URL(location.href).searchParams.get('threads') ?? '1');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
  if (threads > 1) {
    // tfjs caps its pool at hardwareConcurrency / 2 (it assumes two hyperthreads per core),
    // which is 1 on a 2-core machine: report twice the threads asked for so the pool has them.
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 2 * threads });
    setThreadsCount(threads);
  }
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend did not start');
  const data = syntheticDigits(128 * 16);
  let best = 0;
  for (let round = 0; round < 3; round++) best = Math.max(best, await engineStepsPerSecond(data));
  return {
    isolated: globalThis.crossOriginIsolated === true,
    threads: getThreadsCount(),
    stepsPerSecond: best,
  };
}

(globalThis as { benchResult?: Promise<ThreadsResult> }).benchResult = measure();
