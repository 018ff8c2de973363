/**
 * A block's params, live: each new value is offered to every run instance of the block (its
 * appliers); if one refuses, the ones already applied are undone and nothing changes, so an
 * edit reaches all runs at once or none. `value` is the last accepted one.
 */
import type { ParamEvent } from '../../protocol/events';

export type ParamValue = number | boolean | number[] | string;

export interface Applied {
  readonly run: string;
  /** The update the edit applies from. */
  readonly step: number;
  readonly undo: () => void;
}

/** Applies an edit to one run (throwing, changing nothing, on refusal); null: its run ended. */
export type Applier = (name: string, value: ParamValue) => Applied | null;

export class LiveParams {
  private readonly appliers: Applier[] = [];

  constructor(
    readonly node: string,
    private current: Readonly<Record<string, unknown>>,
  ) {}

  get value(): Readonly<Record<string, unknown>> {
    return this.current;
  }

  /** A run instance of the block takes part in live edits. */
  accept(applier: Applier): void {
    this.appliers.push(applier);
  }

  /** Applies `name = value` to every active run of the block, or to none (then throws). */
  propose(name: string, value: ParamValue): ParamEvent[] {
    const applied: Applied[] = [];
    try {
      for (const apply of this.appliers) {
        const change = apply(name, value);
        if (change) applied.push(change);
      }
    } catch (error) {
      for (const change of applied.reverse()) change.undo();
      throw error;
    }
    if (applied.length === 0)
      throw new Error(`${this.node}.${name}: no active run uses this block`);
    this.current = { ...this.current, [name]: value };
    return applied.map((c) => ({
      type: 'param',
      run: c.run,
      node: this.node,
      name,
      value,
      step: c.step,
    }));
  }
}
