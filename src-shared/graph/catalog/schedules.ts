/**
 * Learning-rate schedules as torch.optim.lr_scheduler (names in camelCase, torch defaults
 * where torch has one), plus `interval`: advance per optimizer step or per epoch.
 * In the update rules α₀ is the optimizer's own lr and k counts intervals.
 */
import type { BlockDefinition } from '../block';
import { formatShort } from '../format';
import type { PortSpec } from '../ports';
import { bool, choice, interval, num, numberList, read, readList } from './specs';

const outputs: readonly PortSpec[] = [{ name: 'lr', type: 'lr' }];

/** Longest schedule horizon, in intervals. */
export const MAX_INTERVALS = 1_000_000;

const intervals = (fallback: number, help: string, min = 1) =>
  num({ default: fallback, min, max: MAX_INTERVALS, integer: true, unit: 'intervals', help });

const gamma = (fallback: number, help: string) =>
  num({ default: fallback, min: 0, exclusiveMin: true, max: 10, help });

const etaMin = () =>
  num({ default: 0, min: 0, max: 1000, scale: 'log', help: 'η_min: the lowest learning rate' });

const unit = (params: Readonly<Record<string, unknown>>): string =>
  read(params, 'interval', 'step');

function schedule(
  block: Omit<BlockDefinition, 'kind' | 'inputs' | 'outputs'> & { inputs?: readonly PortSpec[] },
): BlockDefinition {
  return {
    kind: 'schedule',
    inputs: [],
    outputs,
    ...block,
    params: { ...block.params, interval: interval() },
  };
}

const COSINE = '\\left(1 + \\cos\\frac{k \\pi}{T_{\\max}}\\right)';

export const scheduleBlocks: readonly BlockDefinition[] = [
  schedule({
    type: 'schedule.constant',
    title: 'Constant',
    description:
      "Multiplies the lr by a constant factor for the first intervals (torch's ConstantLR)",
    params: {
      factor: num({ default: 1 / 3, min: 0, max: 1, help: 'Factor applied until totalIters' }),
      totalIters: intervals(5, 'Intervals during which the factor applies', 0),
    },
    summary: (params) =>
      `Constant · ×${formatShort(read(params, 'factor', 1 / 3))} for ${read(params, 'totalIters', 5)} ${unit(params)}s`,
    updateRule:
      '\\alpha_k = \\begin{cases} f \\, \\alpha_0 & k < K \\\\ \\alpha_0 & k \\ge K \\end{cases}',
  }),
  schedule({
    type: 'schedule.step',
    title: 'Step decay',
    description: 'Multiplies the lr by gamma every stepSize intervals',
    params: {
      stepSize: intervals(100, 'Intervals between two decays'),
      gamma: gamma(0.1, 'γ: factor applied at each decay'),
    },
    summary: (params) =>
      `Step · ×${formatShort(read(params, 'gamma', 0.1))} every ${read(params, 'stepSize', 100)} ${unit(params)}s`,
    updateRule: '\\alpha_k = \\alpha_0 \\, \\gamma^{\\lfloor k / s \\rfloor}',
  }),
  schedule({
    type: 'schedule.multistep',
    title: 'Multi-step decay',
    description: 'Multiplies the lr by gamma at each milestone',
    params: {
      milestones: numberList({
        default: [100, 200],
        minItems: 1,
        maxItems: 32,
        itemMin: 1,
        itemMax: MAX_INTERVALS,
        integer: true,
        help: 'Intervals at which the lr decays, increasing',
      }),
      gamma: gamma(0.1, 'γ: factor applied at each milestone'),
    },
    summary: (params) =>
      `Multi-step · ×${formatShort(read(params, 'gamma', 0.1))} at ${readList(params, 'milestones', []).join(', ')}`,
    updateRule: '\\alpha_k = \\alpha_0 \\, \\gamma^{|\\{ m \\in M \\,:\\, m \\le k \\}|}',
    check: (params) => {
      const milestones = readList(params, 'milestones', []);
      const increasing = milestones.every((m, i) => i === 0 || m > milestones[i - 1]!);
      return increasing ? [] : [{ param: 'milestones', message: 'must be strictly increasing' }];
    },
  }),
  schedule({
    type: 'schedule.exponential',
    title: 'Exponential decay',
    description: 'Multiplies the lr by gamma every interval',
    params: { gamma: gamma(0.99, 'γ: factor applied every interval') },
    summary: (params) =>
      `Exponential · ×${formatShort(read(params, 'gamma', 0.99))} per ${unit(params)}`,
    updateRule: '\\alpha_k = \\alpha_0 \\, \\gamma^{k}',
  }),
  schedule({
    type: 'schedule.cosine',
    title: 'Cosine annealing',
    description: 'Follows half a cosine from the lr down to etaMin over tMax intervals',
    params: {
      tMax: intervals(100, 'T_max: intervals of the half cosine'),
      etaMin: etaMin(),
    },
    summary: (params) => `Cosine · ${read(params, 'tMax', 100)} ${unit(params)}s`,
    updateRule: `\\alpha_k = \\eta_{\\min} + \\tfrac{1}{2} (\\alpha_0 - \\eta_{\\min}) ${COSINE}`,
  }),
  schedule({
    type: 'schedule.cosineRestarts',
    title: 'Cosine with warm restarts',
    description: 'Cosine annealing restarted after t0, then t0·tMult, … intervals (SGDR)',
    params: {
      t0: intervals(100, 'T_0: intervals of the first cycle'),
      tMult: num({
        default: 1,
        min: 1,
        max: 10,
        integer: true,
        help: 'T_mult: each cycle is this many times longer than the last',
      }),
      etaMin: etaMin(),
    },
    summary: (params) => `Warm restarts · T₀ ${read(params, 't0', 100)} ${unit(params)}s`,
    updateRule:
      '\\alpha_k = \\eta_{\\min} + \\tfrac{1}{2} (\\alpha_0 - \\eta_{\\min}) \\left(1 + \\cos\\frac{T_{cur} \\pi}{T_i}\\right), \\quad T_i = T_0 \\, T_{mult}^{\\,i}',
  }),
  schedule({
    type: 'schedule.linearWarmup',
    title: 'Linear warm-up',
    description: "Scales the lr linearly from startFactor to endFactor (torch's LinearLR)",
    params: {
      startFactor: num({
        default: 1 / 3,
        min: 0,
        exclusiveMin: true,
        max: 1,
        help: 'Factor at the first interval',
      }),
      endFactor: num({ default: 1, min: 0, max: 1, help: 'Factor reached after totalIters' }),
      totalIters: intervals(5, 'Intervals of the linear ramp'),
    },
    summary: (params) => `Warm-up · ${read(params, 'totalIters', 5)} ${unit(params)}s`,
    updateRule: '\\alpha_k = \\alpha_0 \\left(s + (e - s) \\frac{\\min(k, K)}{K}\\right)',
  }),
  schedule({
    type: 'schedule.onecycle',
    title: 'One-cycle',
    description: 'Warms the lr up to maxLr then anneals it far below the start (super-convergence)',
    params: {
      maxLr: num({
        default: 0.01,
        min: 0,
        exclusiveMin: true,
        max: 1000,
        scale: 'log',
        help: 'Peak learning rate',
      }),
      totalSteps: num({
        default: null,
        nullable: true,
        min: 1,
        max: MAX_INTERVALS,
        integer: true,
        unit: 'intervals',
        help: "Length of the cycle (empty: the run's length)",
      }),
      pctStart: num({
        default: 0.3,
        min: 0,
        max: 1,
        help: 'Fraction of the cycle spent warming up',
      }),
      annealStrategy: choice({
        options: ['cos', 'linear'],
        default: 'cos',
        help: 'Shape of the warm-up and annealing',
      }),
      divFactor: num({
        default: 25,
        min: 1,
        max: 1e6,
        scale: 'log',
        help: 'Initial lr = maxLr / divFactor',
      }),
      finalDivFactor: num({
        default: 1e4,
        min: 1,
        max: 1e9,
        scale: 'log',
        help: 'Final lr = initial lr / finalDivFactor',
      }),
      threePhase: bool({
        default: false,
        help: 'Anneal back to the initial lr before the final decay (fast.ai style)',
      }),
      cycleMomentum: bool({
        default: true,
        help: "Cycle the optimizer's momentum (or β₁) inversely to the lr",
      }),
      baseMomentum: num({ default: 0.85, min: 0, max: 1, help: 'Lowest momentum in the cycle' }),
      maxMomentum: num({ default: 0.95, min: 0, max: 1, help: 'Highest momentum in the cycle' }),
    },
    summary: (params) => `One-cycle · max lr ${formatShort(read(params, 'maxLr', 0.01))}`,
    updateRule:
      '\\alpha: \\tfrac{\\alpha_{\\max}}{d} \\nearrow \\alpha_{\\max} \\text{ over } p \\, T, \\text{ then } \\searrow \\tfrac{\\alpha_{\\max}}{d \\, d_f} \\text{ at } T',
    check: (params) =>
      typeof params.baseMomentum === 'number' &&
      typeof params.maxMomentum === 'number' &&
      params.baseMomentum > params.maxMomentum
        ? [{ param: 'baseMomentum', message: 'must be ≤ maxMomentum' }]
        : [],
  }),
  schedule({
    type: 'schedule.polynomial',
    title: 'Polynomial decay',
    description: 'Decays the lr to zero over totalIters intervals as a polynomial',
    params: {
      totalIters: intervals(5, 'Intervals until the lr reaches zero'),
      power: num({ default: 1, min: 0, max: 10, help: 'Power of the polynomial (1: linear)' }),
    },
    summary: (params) =>
      `Polynomial · power ${formatShort(read(params, 'power', 1))} over ${read(params, 'totalIters', 5)} ${unit(params)}s`,
    updateRule: '\\alpha_k = \\alpha_0 \\left(1 - \\frac{\\min(k, K)}{K}\\right)^{p}',
  }),
  schedule({
    type: 'schedule.plateau',
    title: 'Reduce on plateau',
    description: 'Multiplies the lr by factor when a metric stops improving',
    inputs: [{ name: 'metric', type: 'series', required: true, feedback: true }],
    params: {
      mode: choice({
        options: ['min', 'max'],
        default: 'min',
        help: 'Whether the metric should go down (loss) or up (accuracy)',
      }),
      factor: num({
        default: 0.1,
        min: 0,
        exclusiveMin: true,
        max: 1,
        exclusiveMax: true,
        help: 'Factor applied to the lr on a plateau',
      }),
      patience: intervals(10, 'Intervals without improvement before the lr drops', 0),
      threshold: num({
        default: 1e-4,
        min: 0,
        max: 1e6,
        scale: 'log',
        help: 'Smallest change that counts as an improvement',
      }),
      thresholdMode: choice({
        options: ['rel', 'abs'],
        default: 'rel',
        help: 'Threshold relative to the best value, or absolute',
      }),
      cooldown: intervals(0, 'Intervals to wait after a drop before watching again', 0),
      minLr: num({ default: 0, min: 0, max: 1000, scale: 'log', help: 'Lowest learning rate' }),
      eps: num({
        default: 1e-8,
        min: 0,
        max: 1,
        scale: 'log',
        help: 'Drops smaller than this are skipped',
      }),
    },
    summary: (params) =>
      `Plateau · ×${formatShort(read(params, 'factor', 0.1))} after ${read(params, 'patience', 10)} ${unit(params)}s`,
    updateRule:
      '\\alpha \\leftarrow \\max(f \\, \\alpha, \\; \\alpha_{\\min}) \\text{ after } P \\text{ intervals without improvement}',
  }),
];
