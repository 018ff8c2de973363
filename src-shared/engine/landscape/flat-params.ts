/**
 * The one place where a model's list of parameter arrays becomes one flat vector and back.
 * The landscape does its direction and projection arithmetic on flat vectors.
 */
import { concatArrays } from '../concat-arrays';
import type { ParamInfo } from '../types';

export function paramSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Throws a message naming `where` unless `values` matches `info` entry by entry. */
export function checkParamList(
  values: readonly Float32Array[],
  info: readonly ParamInfo[],
  where: string,
): void {
  if (values.length !== info.length) {
    throw new Error(`${where}: expected ${info.length} parameter arrays, got ${values.length}`);
  }
  for (let i = 0; i < info.length; i++) {
    const want = paramSize(info[i]!.shape);
    if (!(values[i] instanceof Float32Array) || values[i]!.length !== want) {
      throw new Error(
        `${where}[${i}] (${info[i]!.name}): expected a Float32Array of ${want} values, got ${
          values[i] instanceof Float32Array ? values[i]!.length : typeof values[i]
        }`,
      );
    }
  }
}

export function flattenParams(
  values: readonly Float32Array[],
  info: readonly ParamInfo[],
  where = 'params',
): Float32Array {
  checkParamList(values, info, where);
  return concatArrays(values, (total) => new Float32Array(total));
}

/** Views into `flat` (no copy), one per parameter. */
export function unflattenParams(
  flat: Float32Array,
  info: readonly ParamInfo[],
  where = 'params',
): Float32Array[] {
  const total = info.reduce((s, p) => s + paramSize(p.shape), 0);
  if (flat.length !== total) {
    throw new Error(`${where}: expected ${total} flattened values, got ${flat.length}`);
  }
  const out: Float32Array[] = [];
  let offset = 0;
  for (const p of info) {
    const n = paramSize(p.shape);
    out.push(flat.subarray(offset, offset + n));
    offset += n;
  }
  return out;
}

/** Throws unless `flat` is a Float32Array of `size` finite values. */
export function checkFlat(flat: Float32Array, size: number, where: string): void {
  if (!(flat instanceof Float32Array) || flat.length !== size) {
    const got = flat instanceof Float32Array ? `${flat.length} values` : typeof flat;
    throw new Error(`${where}: expected a Float32Array of ${size} values, got ${got}`);
  }
  for (let i = 0; i < flat.length; i++) {
    if (!Number.isFinite(flat[i])) throw new Error(`${where}[${i}] is ${flat[i]}, not finite`);
  }
}
