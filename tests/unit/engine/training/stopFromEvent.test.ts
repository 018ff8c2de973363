/**
 * A stop() asked for by an events$ subscriber while the first, synchronous stretch of the loop
 * runs (before start() has returned) must end the runs there: the sweep's median rule relies on
 * it, and it must not depend on whether the loop happened to yield first.
 */
import { describe, expect, it } from 'vitest';
import { RunController } from '../../../../src-shared/engine/training/run-controller';
import type { TrainRun } from '../../../../src-shared/engine/training/train-run';
import type { RunEvent } from '../../../../src-shared/protocol/events';

function steppingRun(total: number) {
  const run = {
    stepIndex: 0,
    done: false,
    step(): RunEvent[] {
      run.stepIndex += 1;
      if (run.stepIndex >= total) run.done = true;
      return [{ type: 'step', run: 'r', step: run.stepIndex, loss: 1, lr: 0.1 } as RunEvent];
    },
    finish(status: 'stopped', reason: string): RunEvent {
      run.done = true;
      return { type: 'done', run: 'r', status, steps: run.stepIndex, finalLoss: null, reason };
    },
    concerns: () => false,
  };
  return run;
}

describe('RunController.stop from a subscriber', () => {
  it('stops at the step whose event asked for it, with status stopped', async () => {
    const run = steppingRun(1000);
    const controller = new RunController([run as unknown as TrainRun], () => []);
    const done: RunEvent[] = [];
    controller.events$.subscribe((e) => {
      if (e.type === 'step' && e.step === 10) controller.stop();
      if (e.type === 'done') done.push(e);
    });
    await controller.start();
    expect(run.stepIndex).toBe(10);
    expect(done).toMatchObject([{ status: 'stopped', steps: 10 }]);
  });

  it('a stop before start still does nothing', async () => {
    const run = steppingRun(5);
    const controller = new RunController([run as unknown as TrainRun], () => []);
    controller.stop();
    await controller.start();
    expect(run.stepIndex).toBe(5);
  });
});
