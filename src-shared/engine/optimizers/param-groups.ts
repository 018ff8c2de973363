/**
 * The units an elementwise optimizer updates: the small parameters together as one flat
 * vector (their state is flat too), each big one alone. A step then costs a few kernels for all
 * the small tensors instead of a few per tensor, which is most of a small model's step on
 * wasm (per-kernel overhead). Each value comes from the same float32 ops as per tensor, so the
 * numbers are identical; `state()` still shows the state per parameter.
 */
import type * as tf from '@tensorflow/tfjs';
import type { UpdateArgs } from './build-optimizer';
import { concatFlat, splitFlat } from './slots';

/**
 * Tensors up to this size are updated together; bigger ones alone (copying them into the
 * vector costs more than the kernels it saves: MLP 784-128-10 Adam steps ran 0.6×).
 */
export const FUSE_MAX_SIZE = 4096;

/** One parameter, or the small parameters as one flat vector. */
export interface ParamGroup {
  /** θ of the group (flat when fused). */
  readonly param: tf.Tensor;
  /** Its gradient, shaped like `param`. */
  readonly grad: tf.Tensor;
  /** Whether the state `name` exists yet. */
  has(name: string): boolean;
  /** The state `name`, created as `fill` everywhere (torch's zeros) if absent. */
  slot(name: string, fill?: number): tf.Variable;
  /** Creates the state `name` as a copy of `value` (SGD's first momentum buffer). */
  slotFrom(name: string, value: tf.Tensor): tf.Variable;
  /** θ ← next, cut back into the parameters when fused. */
  set(next: tf.Tensor): void;
}

/** Parameter indices updated together: the small ones as one group, each big one alone. */
function groupIndices(params: readonly tf.Tensor[]): number[][] {
  const small = params.flatMap((p, i) => (p.size <= FUSE_MAX_SIZE ? [i] : []));
  const big = params.flatMap((p, i) => (p.size > FUSE_MAX_SIZE ? [[i]] : []));
  return small.length > 1 ? [small, ...big] : params.map((_, i) => [i]);
}

function single(a: UpdateArgs, i: number): ParamGroup {
  const param = a.params[i]!;
  return {
    param,
    grad: a.grads[i]!,
    has: (name) => a.slots.has(name, i),
    slot: (name, fill = 0) => a.slots.ensure(name, i, param, fill),
    slotFrom: (name, value) => a.slots.initFrom(name, i, value),
    set: (next) => {
      param.assign(next);
    },
  };
}

function fused(a: UpdateArgs, indices: readonly number[]): ParamGroup {
  const params = indices.map((i) => a.params[i]!);
  const shapes = params.map((p) => p.shape);
  return {
    param: concatFlat(params),
    grad: concatFlat(indices.map((i) => a.grads[i]!)),
    has: (name) => a.slots.hasFlat(name),
    slot: (name, fill = 0) => a.slots.ensureFlat(name, indices, params, fill),
    slotFrom: (name, value) => a.slots.initFlatFrom(name, indices, params, value),
    set: (next) => {
      const parts = splitFlat(next, shapes);
      params.forEach((p, k) => {
        p.assign(parts[k]!);
      });
    },
  };
}

/** The groups of this update's parameters (inside the update's tidy). */
export function paramGroups(a: UpdateArgs): ParamGroup[] {
  return groupIndices(a.params).map((indices) =>
    indices.length === 1 ? single(a, indices[0]!) : fused(a, indices),
  );
}
