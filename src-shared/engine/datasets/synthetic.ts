/**
 * Synthetic datasets in the spirit of TensorFlow Playground: 2D classification sets and 1D
 * regression curves, all inside roughly [-1, 1]², deterministic by seed. `noise` is the
 * standard deviation of Gaussian noise added to each coordinate (classification) or to the
 * target (regression), in the data's own units.
 */

import { ParamReader } from '../block-params';
import { createRng, type Rng } from '../random';
import type { Dataset } from '../types';
import { splitTrainVal } from './split';

export const SYNTHETIC_2D_TYPES = [
  'dataset.spiral',
  'dataset.moons',
  'dataset.circles',
  'dataset.xor',
  'dataset.gaussians',
] as const;
export type Synthetic2dType = (typeof SYNTHETIC_2D_TYPES)[number];

export const REGRESSION_FNS = [
  'sin',
  'quadratic',
  'cubic',
  'abs',
  'step',
  'sinc',
  'linear',
] as const;
export type RegressionFn = (typeof REGRESSION_FNS)[number];

/** Types whose number of classes is a param; the others always have 2. */
const MULTICLASS: readonly string[] = ['dataset.spiral', 'dataset.gaussians'];

/** Writes one point (x, y) of class `label` with noise. */
type Emit = (px: number, py: number) => void;
type Generator = (rng: Rng, k: number, numClasses: number, count: number, emit: Emit) => void;

const GENERATORS: Record<Synthetic2dType, Generator> = {
  // Arms of a spiral, 1.75 turns out to radius 1, rotated by 2πk/K for class k.
  'dataset.spiral': (_rng, k, numClasses, count, emit) => {
    for (let i = 0; i < count; i++) {
      const t = i / count;
      const angle = 1.75 * 2 * Math.PI * t + (2 * Math.PI * k) / numClasses;
      emit(t * Math.sin(angle), t * Math.cos(angle));
    }
  },
  // sklearn's make_moons (evenly spaced along each arc), centred and scaled by 1/1.5.
  'dataset.moons': (_rng, k, _numClasses, count, emit) => {
    for (let i = 0; i < count; i++) {
      const t = count > 1 ? (Math.PI * i) / (count - 1) : 0;
      const [mx, my] = k === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
      emit((mx - 0.5) / 1.5, (my - 0.25) / 1.5);
    }
  },
  // Class 0 inside radius 0.5, class 1 in the ring 0.7..1.
  'dataset.circles': (rng, k, _numClasses, count, emit) => {
    for (let i = 0; i < count; i++) {
      const r = k === 0 ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1);
      const angle = rng.uniform(0, 2 * Math.PI);
      emit(r * Math.sin(angle), r * Math.cos(angle));
    }
  },
  // Quadrants: class 0 where x·y > 0, class 1 where x·y < 0; kept 0.05 away from the axes.
  'dataset.xor': (rng, k, _numClasses, count, emit) => {
    for (let i = 0; i < count; i++) {
      const sx = rng.next() < 0.5 ? -1 : 1;
      const sy = k === 0 ? sx : -sx;
      emit(sx * rng.uniform(0.05, 1), sy * rng.uniform(0.05, 1));
    }
  },
  // Class k: a Gaussian blob (std = noise) centred at radius 0.7, angle π/4 + 2πk/K.
  'dataset.gaussians': (_rng, k, numClasses, count, emit) => {
    const angle = Math.PI / 4 + (2 * Math.PI * k) / numClasses;
    for (let i = 0; i < count; i++) emit(0.7 * Math.cos(angle), 0.7 * Math.sin(angle));
  },
};

/** Rows per class: as even as possible, the first classes taking the remainder. */
export function classCounts(samples: number, numClasses: number): number[] {
  const base = Math.floor(samples / numClasses);
  return Array.from({ length: numClasses }, (_, k) => base + (k < samples % numClasses ? 1 : 0));
}

/** The params every synthetic dataset has: how many rows, their noise, the split, the seed. */
function readSampling(p: ParamReader, minSamples: number) {
  return {
    samples: p.number('samples', { integer: true, min: minSamples, max: 1_000_000 }),
    noise: p.number('noise', { min: 0, max: 10 }),
    valSplit: p.number('valSplit', { min: 0, below: 1 }),
    seed: p.number('seed'),
  };
}

/** The generated rows as a dataset, split in an order drawn from the seed's 'split' fork. */
function syntheticDataset(
  type: string,
  sampling: { readonly samples: number; readonly valSplit: number; readonly seed: number },
  x: Float32Array,
  y: Float32Array,
  shape: Pick<Dataset, 'task' | 'numFeatures' | 'numClasses' | 'featureNames'>,
): Dataset {
  const order = createRng(sampling.seed).fork('split').permutation(sampling.samples);
  const { train, val } = splitTrainVal(type, x, y, shape.numFeatures, sampling.valSplit, order);
  const { task, numFeatures, numClasses, featureNames } = shape;
  return { type, task, numFeatures, numClasses, train, val, featureNames };
}

export function createSynthetic2d(type: Synthetic2dType, params: Record<string, unknown>): Dataset {
  const p = new ParamReader(type, params);
  const { samples, noise, valSplit, seed } = readSampling(p, 4);
  let numClasses = 2;
  if (MULTICLASS.includes(type)) {
    numClasses = p.number('classes', {
      integer: true,
      min: 2,
      max: 10,
    });
  } else if (p.has('classes') && p.params.classes !== 2) {
    p.fail('classes', `must be 2 for ${type}, got ${String(p.params.classes)}`);
  }
  if (samples < numClasses) p.fail('samples', `must be at least classes (${numClasses})`);

  const rng = createRng(seed);
  const x = new Float32Array(samples * 2);
  const y = new Float32Array(samples);
  let row = 0;
  classCounts(samples, numClasses).forEach((count, k) => {
    GENERATORS[type](rng, k, numClasses, count, (px, py) => {
      x[2 * row] = px + rng.gaussian(0, noise);
      x[2 * row + 1] = py + rng.gaussian(0, noise);
      y[row] = k;
      row++;
    });
  });
  return syntheticDataset(type, { samples, valSplit, seed }, x, y, {
    task: 'classification',
    numFeatures: 2,
    numClasses,
    featureNames: ['x', 'y'],
  });
}

export const REGRESSION_FORMULAS: Record<RegressionFn, (x: number) => number> = {
  sin: (x) => Math.sin(Math.PI * x),
  linear: (x) => x,
  quadratic: (x) => x * x,
  cubic: (x) => x * x * x,
  abs: (x) => Math.abs(x),
  step: (x) => (x < 0 ? 0 : 1),
  // sin(3πx)/(3πx): a central bump with ripples on [-1, 1].
  sinc: (x) => (x === 0 ? 1 : Math.sin(3 * Math.PI * x) / (3 * Math.PI * x)),
};

/** y = f(x) + noise with x uniform in [-1, 1]. */
export function createRegression(params: Record<string, unknown>): Dataset {
  const type = 'dataset.regression';
  const p = new ParamReader(type, params);
  const fn = p.choice('fn', REGRESSION_FNS);
  const { samples, noise, valSplit, seed } = readSampling(p, 2);

  const rng = createRng(seed);
  const f = REGRESSION_FORMULAS[fn];
  const x = new Float32Array(samples);
  const y = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    x[i] = rng.uniform(-1, 1);
    y[i] = f(x[i]!) + rng.gaussian(0, noise);
  }
  return syntheticDataset(type, { samples, valSplit, seed }, x, y, {
    task: 'regression',
    numFeatures: 1,
    numClasses: 1,
    featureNames: ['x'],
  });
}
