/** The event batcher keeps order, loses nothing, flushes urgent events at once, bounds batches. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventBatcher } from '../../../../src-shared/engine/host/event-batcher';
import type { RunEvent } from '../../../../src-shared/protocol/events';
import { ManualClock } from '../../../support/manualClock';

const step = (k: number): RunEvent => ({
  type: 'step',
  run: 'r',
  step: k,
  epoch: 0,
  loss: 1,
  lr: 0.1,
  gradNorm: 1,
  time: k,
});
const done = (k: number): RunEvent => ({
  type: 'done',
  run: 'r',
  status: 'completed',
  steps: k,
  finalLoss: 1,
});

type Op = { kind: 'step' } | { kind: 'done' } | { kind: 'tick' } | { kind: 'flush' };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'step' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'done' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'flush' as const }) },
);

describe('createEventBatcher', () => {
  it('sends every event exactly once, in order, in batches no larger than the cap', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (ops, cap) => {
        const clock = new ManualClock();
        const batches: RunEvent[][] = [];
        const batcher = createEventBatcher((b) => batches.push(b), 50, clock, cap);
        const pushed: RunEvent[] = [];
        ops.forEach((o, i) => {
          if (o.kind === 'tick') clock.advance(50);
          else if (o.kind === 'flush') batcher.flush();
          else {
            const e = o.kind === 'step' ? step(i) : done(i);
            pushed.push(e);
            batcher.push(e);
            // An urgent event leaves nothing behind it in the buffer.
            if (o.kind === 'done') expect(batches.flat().length).toBe(pushed.length);
          }
        });
        batcher.dispose();
        expect(batches.flat()).toEqual(pushed);
        expect(batches.every((b) => b.length > 0 && b.length <= cap)).toBe(true);
        expect(clock.pending).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('holds ordinary events until the timer fires, then sends them as one message', () => {
    const clock = new ManualClock();
    const batches: RunEvent[][] = [];
    const batcher = createEventBatcher((b) => batches.push(b), 50, clock);
    batcher.push(step(0));
    batcher.push(step(1));
    batcher.push(step(2));
    expect(batches).toEqual([]);
    expect(clock.pending).toBe(1);
    clock.advance(49);
    expect(batches).toEqual([]);
    clock.advance(1);
    expect(batches).toEqual([[step(0), step(1), step(2)]]);
  });
});
