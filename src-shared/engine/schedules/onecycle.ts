/**
 * torch OneCycleLR: lr rises from maxLr/divFactor to maxLr over pctStart of the run, then
 * anneals to (maxLr/divFactor)/finalDivFactor (threePhase: back down to the start first,
 * then to the minimum). Momentum (beta1 for the Adam family) cycles inversely between
 * maxMomentum and baseMomentum when cycleMomentum is on and the optimizer has one
 * (ScheduleContext.baseMomentum defined). Stepping past totalSteps throws as torch does.
 */
import { defineSchedule } from './define';

const TYPE = 'schedule.onecycle';

interface Phase {
  readonly endStep: number;
  readonly startLr: number;
  readonly endLr: number;
  readonly startMomentum: number;
  readonly endMomentum: number;
}

type Anneal = (start: number, end: number, pct: number) => number;

const annealCos: Anneal = (start, end, pct) =>
  end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
const annealLinear: Anneal = (start, end, pct) => (end - start) * pct + start;

const positive = (v: number): string | undefined => (v > 0 ? undefined : 'must be > 0');

export const createOneCycleSchedule = defineSchedule(TYPE, (p, ctx) => {
  const maxLr = p.number('maxLr', { check: positive });
  // No totalSteps (the catalog's default, null): the run's length.
  const totalSteps = p.has('totalSteps')
    ? p.number('totalSteps', { integer: true, min: 1 })
    : ctx.totalIntervals;
  const pctStart = p.number('pctStart', {
    check: (v) => (v >= 0 && v <= 1 ? undefined : 'must be between 0 and 1'),
  });
  const anneal =
    p.choice('annealStrategy', ['cos', 'linear'] as const) === 'cos' ? annealCos : annealLinear;
  const divFactor = p.number('divFactor', { check: positive });
  const finalDivFactor = p.number('finalDivFactor', { check: positive });
  const threePhase = p.boolean('threePhase');
  const cycleMomentum = p.boolean('cycleMomentum') && ctx.baseMomentum !== undefined;
  const baseMomentum = p.number('baseMomentum');
  const maxMomentum = p.number('maxMomentum');

  const initialLr = maxLr / divFactor;
  const minLr = initialLr / finalDivFactor;
  const up: Phase = {
    endStep: pctStart * totalSteps - 1,
    startLr: initialLr,
    endLr: maxLr,
    startMomentum: maxMomentum,
    endMomentum: baseMomentum,
  };
  const phases: Phase[] = threePhase
    ? [
        up,
        {
          endStep: 2 * pctStart * totalSteps - 2,
          startLr: maxLr,
          endLr: initialLr,
          startMomentum: baseMomentum,
          endMomentum: maxMomentum,
        },
        {
          endStep: totalSteps - 1,
          startLr: initialLr,
          endLr: minLr,
          startMomentum: maxMomentum,
          endMomentum: maxMomentum,
        },
      ]
    : [
        up,
        {
          endStep: totalSteps - 1,
          startLr: maxLr,
          endLr: minLr,
          startMomentum: baseMomentum,
          endMomentum: maxMomentum,
        },
      ];
  // torch divides by each phase's length (a Python ZeroDivisionError when one is empty).
  let previousEnd = 0;
  for (const [i, phase] of phases.entries()) {
    if (phase.endStep === previousEnd) {
      p.fail(
        'pctStart',
        `makes phase ${i + 1} of ${phases.length} empty with totalSteps = ${totalSteps}`,
        pctStart,
      );
    }
    previousEnd = phase.endStep;
  }

  const at = (step: number): { lr: number; momentum?: number } => {
    if (step > totalSteps) {
      throw new Error(
        `${TYPE}: Tried to step ${step + 1} times. The specified number of total steps is ${totalSteps}`,
      );
    }
    let startStep = 0;
    for (const [i, phase] of phases.entries()) {
      if (step <= phase.endStep || i === phases.length - 1) {
        const pct = (step - startStep) / (phase.endStep - startStep);
        const lr = anneal(phase.startLr, phase.endLr, pct);
        if (!cycleMomentum) return { lr };
        return { lr, momentum: anneal(phase.startMomentum, phase.endMomentum, pct) };
      }
      startStep = phase.endStep;
    }
    throw new Error(`${TYPE}: no phase for step ${step}`); // unreachable: the last phase catches all
  };

  let step = 0;
  let value = at(0);
  return {
    current: () => value,
    advance: () => {
      value = at(step + 1); // throws before moving, so a refused step changes nothing
      step += 1;
    },
  };
});
