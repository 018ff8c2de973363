/**
 * Per-parameter optimizer state (velocity, moment estimates) as non-trainable variables that
 * the optimizer owns: updated in place with `assign`, so tensor counts stay flat across steps.
 * A fused update keeps a state of several parameters as one flat variable (a few ops per step
 * instead of a few per tensor); `record()` still shows it per parameter, in parameter order.
 */
import * as tf from '@tensorflow/tfjs';

interface FlatSlot {
  readonly variable: tf.Variable;
  /** The parameters it holds, in order, and their shapes. */
  readonly indices: readonly number[];
  readonly shapes: readonly (readonly number[])[];
}

export class Slots {
  private readonly slots = new Map<string, tf.Variable[]>();
  private readonly flat = new Map<string, FlatSlot>();
  /** Per-parameter views of flat slots handed out by the last `record()`. */
  private views: tf.Tensor[] = [];

  has(name: string, index: number): boolean {
    return this.slots.get(name)?.[index] !== undefined;
  }

  get(name: string, index: number): tf.Variable {
    const slot = this.slots.get(name)?.[index];
    if (!slot) throw new Error(`optimizer state '${name}' of parameter ${index} does not exist`);
    return slot;
  }

  /** The slot, created as `fill` everywhere (torch's zeros / initial accumulator) if absent. */
  ensure(name: string, index: number, like: tf.Tensor, fill = 0): tf.Variable {
    if (this.has(name, index)) return this.get(name, index);
    // Inside tidy: the fill tensor is freed, the variable (never tracked by scopes) survives.
    return this.put(
      name,
      index,
      tf.tidy(() => tf.variable(tf.fill(like.shape, fill, 'float32'), false)),
    );
  }

  /** Creates the slot holding a copy of `value` (torch's first momentum step: buf = grad). */
  initFrom(name: string, index: number, value: tf.Tensor): tf.Variable {
    if (this.has(name, index)) throw new Error(`optimizer state '${name}' already exists`);
    return this.put(
      name,
      index,
      tf.tidy(() => tf.variable(value.clone(), false)),
    );
  }

  hasFlat(name: string): boolean {
    return this.flat.has(name);
  }

  /**
   * The flat slot `name` of parameters `indices` (shaped as `like`): one vector, each tensor
   * flattened in order, created as `fill` everywhere if absent. One flat slot per name.
   */
  ensureFlat(
    name: string,
    indices: readonly number[],
    like: readonly tf.Tensor[],
    fill = 0,
  ): tf.Variable {
    const have = this.flat.get(name);
    if (have) {
      if (!tf.util.arraysEqual([...have.indices], [...indices])) {
        throw new Error(`optimizer state '${name}' holds parameters ${have.indices}`);
      }
      return have.variable;
    }
    const size = like.reduce((sum, t) => sum + t.size, 0);
    return this.putFlat(name, indices, like, () => tf.fill([size], fill, 'float32'));
  }

  /** Creates the flat slot holding a copy of the flat `value` (torch's first momentum step). */
  initFlatFrom(
    name: string,
    indices: readonly number[],
    like: readonly tf.Tensor[],
    value: tf.Tensor,
  ): tf.Variable {
    if (this.flat.has(name)) throw new Error(`optimizer state '${name}' already exists`);
    return this.putFlat(name, indices, like, () => value.clone());
  }

  private putFlat(
    name: string,
    indices: readonly number[],
    like: readonly tf.Tensor[],
    initial: () => tf.Tensor,
  ): tf.Variable {
    // Inside tidy: the initial tensor is freed, the variable (never tracked by scopes) survives.
    const variable = tf.tidy(() => tf.variable(initial(), false));
    this.flat.set(name, { variable, indices: [...indices], shapes: like.map((t) => [...t.shape]) });
    return variable;
  }

  /**
   * Named state for views; slots not created yet are absent. Flat slots appear per parameter
   * as copies owned here, replaced by the next call.
   */
  record(): Record<string, readonly tf.Tensor[]> {
    tf.dispose(this.views);
    this.views = [];
    const byName = new Map<string, tf.Tensor[]>();
    for (const [name, list] of this.slots) byName.set(name, [...list]);
    for (const [name, { variable, indices, shapes }] of this.flat) {
      const parts = tf.tidy(() => splitFlat(variable, shapes));
      this.views.push(...parts);
      const list = byName.get(name) ?? [];
      indices.forEach((index, k) => {
        list[index] = parts[k]!;
      });
      byName.set(name, list);
    }
    const out: Record<string, readonly tf.Tensor[]> = {};
    for (const [name, list] of byName) {
      const present = list.filter((v) => v !== undefined);
      if (present.length > 0) out[name] = present;
    }
    return out;
  }

  dispose(): void {
    for (const list of this.slots.values()) {
      for (const v of list) v?.dispose();
    }
    this.slots.clear();
    for (const { variable } of this.flat.values()) variable.dispose();
    this.flat.clear();
    tf.dispose(this.views);
    this.views = [];
  }

  private put(name: string, index: number, variable: tf.Variable): tf.Variable {
    let list = this.slots.get(name);
    if (!list) {
      list = [];
      this.slots.set(name, list);
    }
    list[index] = variable;
    return variable;
  }
}

/** Every tensor flattened and concatenated, in order. */
export function concatFlat(tensors: readonly tf.Tensor[]): tf.Tensor1D {
  return tf.concat(tensors.map((t) => tf.reshape(t, [-1])));
}

/** The inverse of `concatFlat`: the vector cut into tensors of these shapes. */
export function splitFlat(flat: tf.Tensor, shapes: readonly (readonly number[])[]): tf.Tensor[] {
  const sizes = shapes.map((shape) => shape.reduce((a, b) => a * b, 1));
  const parts = shapes.length === 1 ? [flat] : tf.split(flat, sizes);
  return parts.map((part, i) => tf.reshape(part, [...shapes[i]!]));
}
