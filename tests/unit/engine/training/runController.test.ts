/**
 * RunController's pacing and commands, with stand-in runs (no tensors) and a manual clock, so
 * every count is exact: at 50 rounds/s, 200 ms of clock time is 10 more rounds; a new pace
 * applies mid-wait; pause, step and stop act without waiting for the pace; step() resolves
 * once its update is out.
 */
import { describe, expect, it } from 'vitest';
import { RunController } from '../../../../src-shared/engine/training/run-controller';
import type { TrainRun } from '../../../../src-shared/engine/training/train-run';
import type { RunEvent } from '../../../../src-shared/protocol/events';
import { ManualClock } from '../../../support/manualClock';
import { is, until } from '../../../support/until';

/** A run of `total` updates that only counts them. */
function countingRun(total: number) {
  const run = {
    stepIndex: 0,
    done: false,
    step(): RunEvent[] {
      run.stepIndex += 1;
      if (run.stepIndex >= total) run.done = true;
      return [];
    },
    finish(status: 'stopped', reason: string): RunEvent {
      run.done = true;
      return { type: 'done', run: 'r', status, steps: run.stepIndex, finalLoss: null, reason };
    },
    concerns: () => false,
  };
  return run;
}

function controllerOf(total: number, clock?: ManualClock) {
  const run = countingRun(total);
  const controller = new RunController([run as unknown as TrainRun], () => [], { clock });
  return { run, controller };
}

const stepsOf = (run: { stepIndex: number }) => () => run.stepIndex;

describe('RunController pacing', () => {
  it('runs as fast as it can by default', async () => {
    const { run, controller } = controllerOf(5000);
    await controller.start();
    expect(run.stepIndex).toBe(5000);
  });

  it('50 steps/s: one round per 20 ms of clock time; max then finishes at once', async () => {
    const clock = new ManualClock();
    const { run, controller } = controllerOf(100_000, clock);
    controller.setSpeed(50);
    const done = controller.start();
    await until('the first round', stepsOf(run), is(1));
    await until('a 20 ms wait', () => clock.nextDue, is(20));
    for (let k = 2; k <= 11; k++) {
      clock.advance(20);
      await until(`round ${k}`, stepsOf(run), is(k));
      await until('the next wait', () => clock.nextDue, is(20 * k));
    }
    clock.advance(19); // not due yet: nothing fires
    expect(clock.pending).toBe(1);
    expect(run.stepIndex).toBe(11); // 200 ms at 50/s: 10 rounds after the first
    controller.setSpeed(null); // live: the wait under way is cut short
    await done;
    expect(run.stepIndex).toBe(100_000);
  });

  it('stays responsive at 1 step/s: a faster pace, pause, step and stop act at once', async () => {
    const clock = new ManualClock();
    const { run, controller } = controllerOf(1000, clock);
    controller.setSpeed(1);
    const done = controller.start();
    await until('the first round', stepsOf(run), is(1));
    await until('a 1 s wait', () => clock.nextDue, is(1000));
    controller.setSpeed(100); // the 1 s wait is cut short and measured again
    await until('a 10 ms wait', () => clock.nextDue, is(10));
    for (let k = 2; k <= 4; k++) {
      clock.advance(10);
      await until(`round ${k}`, stepsOf(run), is(k));
    }
    controller.setSpeed(1);
    await until('a 1 s wait again', () => clock.nextDue, is(1030));
    controller.pause();
    await controller.step(); // not paced: no clock time passes
    expect(run.stepIndex).toBe(5);
    expect(clock.now()).toBe(30);
    expect(clock.pending).toBe(0); // paused: no timer waits
    controller.stop();
    await done; // without advancing the clock
    expect(controller.state).toBe('finished');
    expect(run.stepIndex).toBe(5);
  });

  it('step() resolves once its update is out, in order; unanswered steps settle at the end', async () => {
    const { run, controller } = controllerOf(3);
    const done = controller.startPaused();
    const first = controller.step();
    const second = controller.step();
    await first;
    expect(run.stepIndex).toBe(1);
    await second;
    expect(run.stepIndex).toBe(2);
    const third = controller.step();
    const fourth = controller.step(); // the run ends at 3: this one is never taken
    await Promise.all([third, fourth, done]);
    expect(run.stepIndex).toBe(3);
    expect(controller.state).toBe('finished');
    await controller.step(); // not paused: resolves at once
  });

  it('a stop settles the steps still asked for', async () => {
    const { run, controller } = controllerOf(100);
    const done = controller.startPaused();
    await controller.step();
    const later = controller.step();
    controller.stop();
    await Promise.all([later, done]);
    expect(run.stepIndex).toBe(1); // the loop reads the stop before another round
    expect(controller.state).toBe('finished');
  });

  it('refuses a pace that is not a positive number', () => {
    const { controller } = controllerOf(1);
    expect(() => controller.setSpeed(0)).toThrow(/positive number or null, got 0/);
    expect(() => controller.setSpeed(Number.NaN)).toThrow(/got NaN/);
  });
});

describe('RunController.between (host work beside runs that read asynchronously)', () => {
  /** A run whose every step awaits a read that the test answers. */
  function awaitingRun(total: number) {
    const reads: (() => void)[] = [];
    const run = {
      stepIndex: 0,
      done: false,
      step(): Promise<RunEvent[]> {
        return new Promise<RunEvent[]>((resolve) => {
          reads.push(() => {
            run.stepIndex += 1;
            if (run.stepIndex >= total) run.done = true;
            resolve([]);
          });
        });
      },
      finish(status: 'stopped', reason: string): RunEvent {
        run.done = true;
        return { type: 'done', run: 'r', status, steps: run.stepIndex, finalLoss: null, reason };
      },
    };
    return { run, reads };
  }

  it('waits for the step under way, and the next step waits for it', async () => {
    const { run, reads } = awaitingRun(10);
    const controller = new RunController([run], () => []);
    const finished = controller.start();
    await until('step 1 awaiting its read', () => reads.length, is(1));
    const seen: number[] = [];
    let release = () => {};
    const work = controller.between(async () => {
      seen.push(run.stepIndex);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      seen.push(run.stepIndex);
      return 'read';
    });
    expect(seen).toEqual([]); // the step under way has not ended
    reads.shift()!(); // its read arrives: the step ends
    await until('the host work to start', () => seen.length, is(1));
    expect(seen).toEqual([1]);
    // No new step starts while the host work awaits.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(reads.length).toBe(0);
    release();
    expect(await work).toBe('read');
    expect(seen).toEqual([1, 1]);
    await until('step 2 awaiting its read', () => reads.length, is(1));
    controller.stop();
    reads.shift()!();
    await finished;
    expect(run.stepIndex).toBe(2);
  });

  it('runs at once when no step is under way (paused), and reports its failure', async () => {
    const { run, reads } = awaitingRun(10);
    const controller = new RunController([run], () => []);
    const finished = controller.startPaused();
    expect(await controller.between(() => run.stepIndex)).toBe(0);
    await expect(
      controller.between(() => {
        throw new Error('no read');
      }),
    ).rejects.toThrow('no read');
    const stepped = controller.step();
    await until('the step to await its read', () => reads.length, is(1));
    reads.shift()!();
    await stepped;
    expect(run.stepIndex).toBe(1);
    controller.stop();
    await finished;
  });
});
