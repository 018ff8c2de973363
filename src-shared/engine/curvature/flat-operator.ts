/**
 * The Hessian as a float64 linear operator on flat vectors, optionally restricted to one
 * layer's parameters (the diagonal block H_ll: v is zero outside the layer, Hv is read on it).
 * Spectral algorithms (Lanczos, Hutchinson) run in float64 on these; only Hv touches tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { type Reads, readNow, valuesOf } from '../readback';
import type { ParamInfo } from '../types';
import type { Hvp } from './hvp';

export interface FlatOperator {
  /** Dimension of the vectors the operator acts on. */
  readonly n: number;
  /** Hv, read where the caller reads (readback.ts). */
  applyOf(v: Float64Array): Reads<Float64Array>;
  /** Hv, read synchronously. */
  apply(v: Float64Array): Float64Array;
}

/** Indices of `paramInfo` that belong to `layer` ('all' or undefined: every parameter). */
export function layerParams(paramInfo: readonly ParamInfo[], layer?: string): number[] {
  const all = paramInfo.map((_, i) => i);
  if (!layer || layer === 'all') return all;
  const picked = all.filter((i) => paramInfo[i]!.layer === layer);
  if (picked.length === 0) {
    const layers = [...new Set(paramInfo.map((p) => p.layer))];
    throw new Error(`no layer "${layer}" in this model (layers: all, ${layers.join(', ')})`);
  }
  return picked;
}

/** H (or its block on `selected` params) as a FlatOperator over the concatenated params. */
export function flatOperator(
  hvp: Hvp,
  shapes: readonly (readonly number[])[],
  selected: readonly number[] = shapes.map((_, i) => i),
): FlatOperator {
  const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  const n = selected.reduce((sum, i) => sum + sizes[i]!, 0);
  function* applyOf(v: Float64Array): Reads<Float64Array> {
    if (v.length !== n) throw new Error(`flatOperator: vector of ${v.length}, expected ${n}`);
    const parts = tf.tidy(() => {
      let offset = 0;
      return shapes.map((shape, i) => {
        if (!selected.includes(i)) return tf.zeros([...shape]);
        const part = tf.tensor(Float32Array.from(v.subarray(offset, offset + sizes[i]!)), [
          ...shape,
        ]);
        offset += sizes[i]!;
        return part;
      });
    });
    const hv = hvp(parts);
    tf.dispose(parts);
    try {
      const values = yield* valuesOf(...selected.map((i) => hv[i]!));
      const out = new Float64Array(n);
      let offset = 0;
      for (const part of values) {
        out.set(part, offset);
        offset += part.length;
      }
      return out;
    } finally {
      tf.dispose(hv);
    }
  }
  return { n, applyOf, apply: (v) => readNow(applyOf(v)) };
}
