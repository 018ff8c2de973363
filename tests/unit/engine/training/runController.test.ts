/**
 * RunController's pacing, with stand-in runs (no tensors): at 50 rounds/s, 0.2 s runs about
 * 10 rounds; a new pace applies mid-run; pause and stop answer during a long wait; steps
 * while paused are not delayed.
 */
import { describe, expect, it } from 'vitest';
import { RunController } from '../../../../src-shared/engine/training/runController';
import type { TrainRun } from '../../../../src-shared/engine/training/trainRun';
import type { RunEvent } from '../../../../src-shared/protocol/events';

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

function controllerOf(total: number) {
  const run = countingRun(total);
  const controller = new RunController([run as unknown as TrainRun], () => []);
  return { run, controller };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('RunController pacing', () => {
  it('runs as fast as it can by default', async () => {
    const { run, controller } = controllerOf(5000);
    await controller.start();
    expect(run.stepIndex).toBe(5000);
  });

  it('50 steps/s for 0.2 s is about 10 steps; max then finishes at once', async () => {
    const { run, controller } = controllerOf(100_000);
    controller.setSpeed(50);
    const done = controller.start();
    await sleep(200);
    expect(run.stepIndex).toBeGreaterThanOrEqual(5);
    expect(run.stepIndex).toBeLessThanOrEqual(15);
    controller.setSpeed(null); // live: the wait under way is cut short
    await done;
    expect(run.stepIndex).toBe(100_000);
  });

  it('stays responsive at 1 step/s: a faster pace, pause, step and stop act at once', async () => {
    const { run, controller } = controllerOf(1000);
    controller.setSpeed(1);
    const done = controller.start();
    await sleep(50);
    expect(run.stepIndex).toBe(1); // the first round, then a 1 s wait
    controller.setSpeed(100);
    await sleep(100);
    expect(run.stepIndex).toBeGreaterThanOrEqual(4);
    controller.setSpeed(1);
    await sleep(20);
    controller.pause();
    const atPause = run.stepIndex;
    controller.step();
    await sleep(20);
    expect(run.stepIndex).toBe(atPause + 1); // a step while paused is not paced
    const t0 = Date.now();
    controller.stop();
    await done;
    expect(Date.now() - t0).toBeLessThan(200);
    expect(controller.state).toBe('finished');
  });

  it('refuses a pace that is not a positive number', () => {
    const { controller } = controllerOf(1);
    expect(() => controller.setSpeed(0)).toThrow(/positive number or null, got 0/);
    expect(() => controller.setSpeed(Number.NaN)).toThrow(/got NaN/);
  });
});
