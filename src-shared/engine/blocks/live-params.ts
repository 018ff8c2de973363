/**
 * A block's params as a stream that can refuse a value. A live edit is offered to every run
 * instance of the block (its appliers); if one refuses, the ones already applied are undone
 * and nothing changes, so an edit reaches all runs at once or none. Accepted values are
 * published on `params$`.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
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
  private readonly subject: BehaviorSubject<Readonly<Record<string, unknown>>>;
  private readonly appliers: Applier[] = [];
  readonly params$: Observable<Readonly<Record<string, unknown>>>;

  constructor(
    readonly node: string,
    params: Readonly<Record<string, unknown>>,
  ) {
    this.subject = new BehaviorSubject(params);
    this.params$ = this.subject.asObservable();
  }

  get value(): Readonly<Record<string, unknown>> {
    return this.subject.value;
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
    this.subject.next({ ...this.subject.value, [name]: value });
    return applied.map((c) => ({
      type: 'param',
      run: c.run,
      node: this.node,
      name,
      value,
      step: c.step,
    }));
  }

  complete(): void {
    this.subject.complete();
  }
}
