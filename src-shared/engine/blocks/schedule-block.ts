/**
 * schedule.*: maps a run's clock to its lr$. Each run gets its own schedule (torch's
 * lr_scheduler state), advanced once per interval after the update. A schedule with a feedback
 * input (plateau) advances on the wired metric's newest value: the one measured in this very
 * update when it was, else the latest earlier one (the feedback is one step late by design).
 */
import { BehaviorSubject, type Observable, of } from 'rxjs';
import { getBlock } from '../../graph/catalog';
import type { RunEvent } from '../../protocol/events';
import { createSchedule } from '../schedules';
import type { Schedule } from '../types';
import type { BlockStreamDefinition } from './block-stream';
import type { LrSource, RunClock, Scheduled } from './ports';

/** The feedback metric's values as one run's schedule sees them. */
function feedbackReader(feedback$: Observable<RunEvent> | undefined, clock: RunClock) {
  // `thisUpdate`: undefined until the metric reports during the current update (null: it did,
  // with no finite value).
  const seen: { latest?: number; thisUpdate?: number | null } = {};
  const subscriptions = [
    clock.ticks$.subscribe(() => {
      seen.thisUpdate = undefined;
    }),
    feedback$?.subscribe((e) => {
      if (e.type !== 'metric') return;
      seen.thisUpdate = e.value;
      if (e.value !== null) seen.latest = e.value;
    }),
  ];
  return {
    wired: feedback$ !== undefined,
    read: (): number | undefined =>
      seen.thisUpdate !== undefined ? (seen.thisUpdate ?? undefined) : seen.latest,
    dispose: () => {
      for (const s of subscriptions) s?.unsubscribe();
    },
  };
}

export const scheduleBlock: BlockStreamDefinition = {
  wire(inputs, ctx) {
    const { node } = ctx;
    const feedback$ = inputs.metric?.[0] as Observable<RunEvent> | undefined;
    // History-dependent schedules (a feedback input) restart on an edit; the rest replay.
    const replayable = !(getBlock(node.type)?.inputs.some((p) => p.feedback) ?? false);
    const lr: LrSource = (clock, base) => {
      const totalIntervals = Math.max(
        1,
        ctx.params.value.interval === 'epoch'
          ? Math.ceil(clock.totalSteps / clock.stepsPerEpoch)
          : clock.totalSteps,
      );
      const build = (params: Readonly<Record<string, unknown>>, baseLr: number): Schedule =>
        ctx.attempt(() =>
          createSchedule(
            node.type,
            { ...params },
            {
              baseLr,
              baseMomentum: base.momentum,
              totalIntervals,
            },
          ),
        );
      const state = {
        schedule: build(ctx.params.value, base.lr),
        params: ctx.params.value,
        baseLr: base.lr,
      };
      let advanced = 0;
      const lr$ = new BehaviorSubject<Scheduled>(state.schedule.current());
      const feedback = feedbackReader(feedback$, clock);

      /** A schedule from new params / base lr at the same progress; throws changing nothing. */
      const replace = (params: Readonly<Record<string, unknown>>, baseLr: number) => {
        const next = build(params, baseLr);
        for (let i = 0; i < advanced && replayable; i++) next.advance();
        const previous = { ...state };
        Object.assign(state, { schedule: next, params, baseLr });
        lr$.next(next.current());
        return () => {
          Object.assign(state, previous);
          lr$.next(state.schedule.current());
        };
      };

      ctx.subscriptions.add(
        clock.updated$.subscribe({
          next: ({ epochEnded, loss }) => {
            const schedule = state.schedule;
            if (schedule.interval === 'epoch' && !epochEnded) return;
            if (!replayable) {
              const metric = feedback.wired ? feedback.read() : (loss ?? undefined);
              if (metric === undefined || !Number.isFinite(metric)) return; // nothing measured yet
              schedule.advance(metric);
            } else {
              // OneCycle refuses to step past its total: hold its last value instead.
              try {
                schedule.advance();
              } catch {
                return;
              }
            }
            advanced += 1;
            lr$.next(schedule.current());
          },
          error: ctx.bus.fail,
          complete: () => {
            feedback.dispose();
            lr$.complete();
          },
        }),
      );
      ctx.params.accept((name, value) => {
        if (!clock.active()) return null;
        if (name === 'interval') {
          throw new Error(
            `${node.id}.interval cannot change while running; restart the run to apply it`,
          );
        }
        const undo = replace({ ...state.params, [name]: value }, state.baseLr);
        return { run: clock.run, step: clock.step(), undo };
      });
      return { lr$: lr$.asObservable(), rebase: (baseLr) => replace(state.params, baseLr) };
    };
    return { outputs: { lr: of(lr) } };
  },
};
