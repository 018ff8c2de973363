/** Dataset blocks: 2D toy classification, 1D regression, handwritten digits, a user's CSV. */
import type { BlockDefinition } from '../block';
import { formatShort } from '../format';
import type { NumberParam } from '../params';
import type { PortSpec } from '../ports';
import { bool, choice, num, read, seed, text, valSplit } from './specs';

const outputs: readonly PortSpec[] = [{ name: 'dataset', type: 'dataset' }];

/** Upper bound on generated samples: enough for any lecture demo, bounded memory. */
export const MAX_SAMPLES = 100_000;

const samples = (fallback: number): NumberParam =>
  num({
    default: fallback,
    min: 10,
    max: MAX_SAMPLES,
    integer: true,
    help: 'Number of points generated (training and validation together)',
  });

const noise = (fallback: number): NumberParam =>
  num({
    default: fallback,
    min: 0,
    max: 2,
    help: 'Standard deviation of the Gaussian noise added to each point',
  });

const classes = (): NumberParam =>
  num({ default: 2, min: 2, max: 8, integer: true, help: 'Number of classes' });

function toySummary(title: string) {
  return (params: Readonly<Record<string, unknown>>): string =>
    `${title} · ${read(params, 'samples', 400)} points · noise ${formatShort(read(params, 'noise', 0))}`;
}

/** Classes of the 2D toys that have no `classes` param. */
const TOY_FIXED_CLASSES = 2;

function toy(
  name: string,
  title: string,
  description: string,
  noiseDefault: number,
  withClasses: boolean,
): BlockDefinition {
  return {
    type: `dataset.${name}`,
    kind: 'dataset',
    title,
    description,
    inputs: [],
    outputs,
    params: {
      samples: samples(400),
      noise: noise(noiseDefault),
      ...(withClasses ? { classes: classes() } : {}),
      valSplit: valSplit(),
      seed: seed('sampling the points'),
    },
    summary: toySummary(title),
    facts: { features: 2 },
    data: (params) => ({
      task: 'classification',
      classes: withClasses ? read(params, 'classes', 2) : TOY_FIXED_CLASSES,
    }),
  };
}

export const datasetBlocks: readonly BlockDefinition[] = [
  toy('spiral', 'Spiral', 'Interleaved spiral arms, one per class (2D classification)', 0.1, true),
  toy('moons', 'Moons', 'Two interleaving half circles (2D classification)', 0.1, false),
  toy('circles', 'Circles', 'A disc inside a ring (2D classification)', 0.05, false),
  toy(
    'xor',
    'XOR',
    'Four quadrants, opposite corners share a class (2D classification)',
    0.1,
    false,
  ),
  toy('gaussians', 'Gaussians', 'One Gaussian blob per class (2D classification)', 0.3, true),
  {
    type: 'dataset.regression',
    kind: 'dataset',
    title: 'Regression',
    description: 'A noisy 1D function to fit (regression)',
    inputs: [],
    outputs,
    params: {
      fn: choice({
        options: ['sin', 'quadratic', 'cubic', 'abs', 'step', 'sinc'],
        default: 'sin',
        help: 'The function y = f(x) sampled on x ∈ [-1, 1]',
      }),
      samples: samples(200),
      noise: noise(0.1),
      valSplit: valSplit(),
      seed: seed('sampling the points'),
    },
    data: () => ({ task: 'regression', classes: null }),
    summary: (params) =>
      `Regression · ${read(params, 'fn', 'sin')} · ${read(params, 'samples', 200)} points`,
  },
  {
    type: 'dataset.digits',
    kind: 'dataset',
    title: 'Digits',
    description: 'Real handwritten digits shipped with the app (10 classes)',
    inputs: [],
    outputs,
    params: {
      valSplit: valSplit(),
      seed: seed('the train/validation split'),
    },
    data: () => ({ task: 'classification', classes: 10 }),
    summary: (params) => `Digits · ${formatShort(read(params, 'valSplit', 0.2) * 100)}% val`,
  },
  {
    type: 'dataset.csv',
    kind: 'dataset',
    title: 'CSV file',
    description: "Your own data: a CSV file's columns as features and one as the target",
    inputs: [],
    outputs,
    params: {
      path: text({ default: '', maxLength: 4096, help: 'The CSV file to read' }),
      target: text({
        default: '',
        maxLength: 256,
        help: 'Column to predict (empty: the last column); text labels make a classification',
      }),
      valSplit: valSplit(),
      normalize: bool({
        default: false,
        help: 'Scale each feature to zero mean and unit variance',
      }),
      shuffle: bool({ default: true, help: 'Shuffle the rows before splitting' }),
      seed: seed('shuffling and splitting the rows'),
    },
    summary: (params) => {
      const path = read(params, 'path', '');
      const file = path.split(/[\\/]/).pop() ?? '';
      return file === '' ? 'CSV · no file chosen' : `CSV · ${file}`;
    },
    check: (params) =>
      params.path === '' ? [{ param: 'path', message: 'choose a CSV file' }] : [],
  },
];
