/**
 * Turns an optimizer definition (hyper-parameters + one update rule) into an `Optimizer`:
 * the shared checks, the step counter, tidy discipline and state ownership live here once.
 */
import * as tf from '@tensorflow/tfjs';
import { type Reads, readNow } from '../readback';
import type { Optimizer, StepContext } from '../types';
import { type CrossCheck, type HyperSpecs, Hypers } from './hyper';
import { Slots } from './slots';

/** What one update sees. `t` is torch's step count for this update: 1 on the first. */
export interface UpdateArgs {
  readonly params: readonly tf.Variable[];
  readonly grads: readonly tf.Tensor[];
  readonly lr: number;
  readonly t: number;
  readonly hyper: Hypers;
  readonly slots: Slots;
  readonly hvp?: StepContext['hvp'];
  readonly exact?: StepContext['exact'];
}

/** Runs inside tf.tidy; assigns params and slots in place. May keep JS scalars in a closure. */
export type Update = (args: UpdateArgs) => void;

/**
 * An update that reads values back (readback.ts): it yields, so it runs outside tf.tidy and
 * frees its own temporaries.
 */
export type ReadingUpdate = (args: UpdateArgs) => Reads<void>;

export interface OptimizerDefinition {
  readonly type: string;
  readonly specs: HyperSpecs;
  readonly aliases?: Readonly<Record<string, string>>;
  readonly crossCheck?: CrossCheck;
  /** The most parameters it can train, and why (Newton's full Hessian grows as n²). */
  readonly limit?: { readonly maxParams: number; readonly why: string };
  /** Fresh update function per optimizer instance (so scalar state is per instance). */
  readonly makeUpdate: () => Update | { readonly reading: ReadingUpdate };
}

function checkContext(type: string, ctx: StepContext): void {
  if (ctx.params.length !== ctx.grads.length) {
    throw new Error(
      `${type}: got ${ctx.grads.length} gradients for ${ctx.params.length} parameters`,
    );
  }
  ctx.params.forEach((p, i) => {
    const g = ctx.grads[i]!;
    if (!tf.util.arraysEqual(p.shape, g.shape)) {
      throw new Error(
        `${type}: gradient ${i} has shape [${g.shape}] but parameter ${i} has [${p.shape}]`,
      );
    }
  });
  if (!Number.isFinite(ctx.lr) || ctx.lr < 0) {
    throw new Error(`${type}: learning rate must be a finite number >= 0, got ${ctx.lr}`);
  }
}

export function buildOptimizer(
  def: OptimizerDefinition,
  params: Readonly<Record<string, unknown>>,
): Optimizer {
  const hyper = new Hypers(def.type, def.specs, params, def.aliases, def.crossCheck);
  const slots = new Slots();
  const update = def.makeUpdate();
  let steps = 0;
  let disposed = false;
  const alive = (): void => {
    if (disposed) throw new Error(`${def.type}: used after dispose()`);
  };

  function* stepOf(ctx: StepContext): Reads<void> {
    alive();
    checkContext(def.type, ctx);
    const t = steps + 1;
    const args: UpdateArgs = {
      params: ctx.params,
      grads: ctx.grads,
      lr: ctx.lr,
      t,
      hyper,
      slots,
      hvp: ctx.hvp,
      exact: ctx.exact,
    };
    if (typeof update === 'function') tf.tidy(() => update(args));
    else yield* update.reading(args);
    steps = t;
  }

  return {
    type: def.type,
    step: (ctx) => readNow(stepOf(ctx)),
    stepOf,
    setHyper(name: string, value: number | boolean): void {
      alive();
      hyper.set(name, value);
    },
    getHyper(name: string): number | boolean {
      return hyper.get(name);
    },
    state(): Record<string, readonly tf.Tensor[]> {
      alive();
      return slots.record();
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      slots.dispose();
    },
  };
}
