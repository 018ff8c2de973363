/**
 * Random directions in parameter space (Li et al. 2018): Gaussian, shaped like the
 * parameters, rescaled filter by filter so that the plane's scale matches the weights'.
 */

import { dot } from '../linalg/vector-math';
import { createRng, type Rng } from '../random';
import type { ParamInfo } from '../types';
import { paramSize, unflattenParams } from './flat-params';

export type DirectionNorm = 'filter' | 'layer' | 'none';

export interface DirectionOptions {
  /** `filter`: each filter to the norm of the weights' filter; `layer`: each tensor. */
  readonly norm: DirectionNorm;
  /** Zero the directions of biases and normalization parameters (role bias / norm). */
  readonly ignoreBiasBN: boolean;
}

export interface RandomPlaneOptions extends DirectionOptions {
  readonly seed: number;
  /** Remove δ's component from η (Gram–Schmidt). Filter norms of η then change slightly. */
  readonly orthogonalize?: boolean;
}

/** Flat standard-normal vector, one value per parameter. */
export function gaussianDirection(size: number, rng: Rng): Float32Array {
  const d = new Float32Array(size);
  for (let i = 0; i < size; i++) d[i] = rng.gaussian();
  return d;
}

/**
 * Norm of each filter of a tensor: filter f is the slice at index f along `axis`.
 * `axis` −1 means the whole tensor is one filter.
 */
export function filterNorms(
  values: Float32Array,
  shape: readonly number[],
  axis: number,
): number[] {
  if (axis < 0) return [Math.sqrt(dot(values, values))];
  if (axis >= shape.length) {
    throw new Error(`filterAxis ${axis} is outside a tensor of shape [${shape.join(', ')}]`);
  }
  const filters = shape[axis]!;
  const inner = paramSize(shape.slice(axis + 1));
  const sums = new Array<number>(filters).fill(0);
  for (let i = 0; i < values.length; i++) {
    const f = Math.floor(i / inner) % filters;
    sums[f]! += values[i]! * values[i]!;
  }
  return sums.map(Math.sqrt);
}

/** Multiplies filter f of `values` (in place) by scale[f]. */
function scaleFilters(
  values: Float32Array,
  shape: readonly number[],
  axis: number,
  scale: readonly number[],
): void {
  if (axis < 0) {
    for (let i = 0; i < values.length; i++) values[i]! *= scale[0]!;
    return;
  }
  const filters = shape[axis]!;
  const inner = paramSize(shape.slice(axis + 1));
  for (let i = 0; i < values.length; i++) values[i]! *= scale[Math.floor(i / inner) % filters]!;
}

const isBiasOrNorm = (p: ParamInfo): boolean => p.role === 'bias' || p.role === 'norm';

/**
 * Rescales a flat direction in place to the weights' scale. Bias/norm parameters are a
 * single filter when kept (Li et al. copy the weights there instead; scaling keeps them random).
 */
export function normalizeDirection(
  direction: Float32Array,
  weights: Float32Array,
  info: readonly ParamInfo[],
  options: DirectionOptions,
): Float32Array {
  const dirs = unflattenParams(direction, info, 'direction');
  const ws = unflattenParams(weights, info, 'weights');
  info.forEach((p, k) => {
    if (options.ignoreBiasBN && isBiasOrNorm(p)) {
      dirs[k]!.fill(0);
      return;
    }
    if (options.norm === 'none') return;
    const axis = options.norm === 'filter' && !isBiasOrNorm(p) ? p.filterAxis : -1;
    const wn = filterNorms(ws[k]!, p.shape, axis);
    const dn = filterNorms(dirs[k]!, p.shape, axis);
    // The small constant keeps an all-zero filter of the direction from dividing by zero.
    scaleFilters(
      dirs[k]!,
      p.shape,
      axis,
      wn.map((w, f) => w / (dn[f]! + 1e-10)),
    );
  });
  return direction;
}

/** η − (η·δ / δ·δ) δ, a new array. */
export function orthogonalizeTo(eta: Float32Array, delta: Float32Array): Float32Array {
  const dd = dot(delta, delta);
  const out = Float32Array.from(eta);
  if (dd === 0) return out;
  const c = dot(eta, delta) / dd;
  for (let i = 0; i < out.length; i++) out[i]! -= c * delta[i]!;
  return out;
}

/** Two seeded, normalized random directions δ, η (flat) around `weights` (flat). */
export function randomPlane(
  weights: Float32Array,
  info: readonly ParamInfo[],
  options: RandomPlaneOptions,
): { delta: Float32Array; eta: Float32Array } {
  const rng = createRng(options.seed);
  const size = weights.length;
  const delta = normalizeDirection(
    gaussianDirection(size, rng.fork('delta')),
    weights,
    info,
    options,
  );
  let eta = normalizeDirection(gaussianDirection(size, rng.fork('eta')), weights, info, options);
  if (options.orthogonalize) eta = orthogonalizeTo(eta, delta);
  return { delta, eta };
}
