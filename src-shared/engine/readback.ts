/**
 * Reading tensor values back to the host, synchronously or not, from one piece of code. A
 * computation that needs values is written as a generator: at each read it yields the tensors
 * whose values it needs next and is resumed with them (`const [v] = yield* valuesOf(t)`).
 * `readNow` drives it with dataSync() (cpu, wasm, WebGL: the values are there at once);
 * `readLater` awaits data() instead, which is how WebGPU reads: its synchronous read copies
 * through a canvas, is slow on every GPU and reads zeros on some (SwiftShader).
 * After `await t.data()` tfjs keeps the values on the host, so a later dataSync() of the
 * same tensor is free on every backend: `prefetch` relies on that for host-side readers.
 */
import type * as tf from '@tensorflow/tfjs';

export type HostValues = Float32Array | Int32Array | Uint8Array;

/** A computation that reads tensor values at its yields and returns T. */
export type Reads<T> = Generator<readonly tf.Tensor[], T, readonly HostValues[]>;

/** How an engine reads values: 'async' on backends whose synchronous read is slow or wrong. */
export type ReadMode = 'sync' | 'async';

/** The values of `tensors`, in order (a read point of a Reads computation). */
export function* valuesOf(...tensors: tf.Tensor[]): Reads<readonly HostValues[]> {
  if (tensors.length === 0) return [];
  return yield tensors;
}

/** The first value of `tensor` (a scalar's value). */
export function* scalarOf(tensor: tf.Tensor): Reads<number> {
  const [values] = yield* valuesOf(tensor);
  return values![0]!;
}

/** A value that needs no read, as a Reads computation. */
// biome-ignore lint/correctness/useYield: a Reads that happens to need no values
export function* readsNothing<T>(value: T): Reads<T> {
  return value;
}

/** Runs a computation reading with dataSync(). */
export function readNow<T>(reads: Reads<T>): T {
  let next = reads.next();
  while (!next.done) {
    let values: HostValues[];
    try {
      values = next.value.map((t) => t.dataSync() as HostValues);
    } catch (error) {
      next = reads.throw(error); // the computation's finally blocks free what it holds
      continue;
    }
    next = reads.next(values);
  }
  return next.value;
}

/** Runs a computation awaiting each read (all the tensors of one read at once). */
export async function readLater<T>(reads: Reads<T>): Promise<T> {
  let next = reads.next();
  while (!next.done) {
    let values: HostValues[];
    try {
      values = await Promise.all(next.value.map((t) => t.data() as Promise<HostValues>));
    } catch (error) {
      next = reads.throw(error);
      continue;
    }
    next = reads.next(values);
  }
  return next.value;
}

/** Runs a computation in the given mode. */
export function readIn<T>(mode: ReadMode, reads: Reads<T>): T | Promise<T> {
  return mode === 'sync' ? readNow(reads) : readLater(reads);
}

/** Brings the values of `tensors` to the host, so that their dataSync() is served from there. */
export async function prefetch(tensors: readonly tf.Tensor[]): Promise<void> {
  await Promise.all(tensors.map((t) => t.data()));
}
