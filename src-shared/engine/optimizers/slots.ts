/**
 * Per-parameter optimizer state (velocity, moment estimates) as non-trainable variables that
 * the optimizer owns: updated in place with `assign`, so tensor counts stay flat across steps.
 */
import * as tf from '@tensorflow/tfjs';

export class Slots {
  private readonly slots = new Map<string, tf.Variable[]>();

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

  /** Named state for views; slots not created yet are absent. */
  record(): Record<string, readonly tf.Tensor[]> {
    const out: Record<string, readonly tf.Tensor[]> = {};
    for (const [name, list] of this.slots) {
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
