/**
 * A tfjs engine that reads like SwiftShader's WebGPU: data() works, and dataSync() works only
 * for a tensor whose values data() already brought to the host (tfjs keeps them there); any
 * other synchronous read throws, naming itself. Installed on the current backend (cpu in
 * unit tests) by wrapping the engine's two read paths; `restore` undoes it.
 */
import * as tf from '@tensorflow/tfjs';

export interface AsyncOnlyDevice {
  /** Synchronous reads served from values already fetched. */
  readonly cachedSyncReads: () => number;
  restore(): void;
}

export function asyncOnlyDevice(): AsyncOnlyDevice {
  const engine = tf.engine();
  const fetched = new WeakSet<object>();
  const readSync = engine.readSync.bind(engine);
  const read = engine.read.bind(engine);
  let cached = 0;
  engine.readSync = (dataId) => {
    if (!fetched.has(dataId)) {
      throw new Error('async-only device: a synchronous read of values not fetched first');
    }
    cached += 1;
    return readSync(dataId);
  };
  engine.read = async (dataId) => {
    const values = await read(dataId);
    fetched.add(dataId);
    return values;
  };
  return {
    cachedSyncReads: () => cached,
    restore() {
      engine.readSync = readSync;
      engine.read = read;
    },
  };
}
