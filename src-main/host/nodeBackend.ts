/**
 * tfjs in Node for the CLI and tests: the wasm backend (single-threaded SIMD, about 40×
 * the plain-JS cpu backend here), cpu as the fallback.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import {
  type BackendChoice,
  type BackendName,
  chooseBackend,
} from '../../src-shared/engine/backend';

/** Sets the tfjs backend for this process and says which one and why. */
export async function initNodeBackend(
  requested: 'auto' | 'wasm' | 'cpu' = 'auto',
): Promise<BackendChoice> {
  const available: BackendName[] = [];
  for (const name of ['wasm', 'cpu'] as const) {
    try {
      if (await tf.setBackend(name)) available.push(name);
    } catch {
      // not available in this process
    }
  }
  const choice = chooseBackend({ available, requested });
  await tf.setBackend(choice.name);
  await tf.ready();
  return choice;
}
