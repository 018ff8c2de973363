/** Model blocks: exact 2D surfaces, linear models, MLPs and a small CNN. */
import { z } from 'zod';
import type { BlockDefinition } from '../block';
import { formatShort } from '../format';
import type { PortSpec } from '../ports';
import {
  bool,
  choice,
  num,
  numberList,
  point,
  read,
  readList,
  seed,
  structured,
  text,
} from './specs';

const outputs: readonly PortSpec[] = [{ name: 'model', type: 'model' }];

/** Optional: a model learns its input/output sizes from a dataset here or from its train block. */
const datasetInput: readonly PortSpec[] = [{ name: 'dataset', type: 'dataset' }];

export const SURFACE_FUNCTIONS = [
  'quadratic',
  'rosenbrock',
  'beale',
  'himmelblau',
  'saddle',
  'rastrigin',
  'booth',
  'matyas',
  'sixHumpCamel',
  'monkeySaddle',
  'ackley',
  'ravine',
  'plateau',
] as const;

/** Largest hidden layer: 4096 units is far beyond a lecture demo and still fits in memory. */
export const MAX_HIDDEN_UNITS = 4096;
/** Bound on weights between consecutive hidden layers (2^24 floats = 64 MiB). */
export const MAX_HIDDEN_WEIGHTS = 2 ** 24;

/**
 * A classifier's last layer. softmax: K logits, softmax cross-entropy (torch's
 * CrossEntropyLoss); sigmoid: one logit, binary cross-entropy on it (BCEWithLogitsLoss).
 */
export const CLASSIFIER_OUTPUTS = ['softmax', 'sigmoid'] as const;
export type ClassifierOutput = (typeof CLASSIFIER_OUTPUTS)[number];

/** Classes each output needs from its data (null: any number of classes). */
export const OUTPUT_CLASSES: Readonly<Record<ClassifierOutput, number | null>> = {
  softmax: null,
  sigmoid: 2,
};

const output = choice({
  options: CLASSIFIER_OUTPUTS,
  default: 'softmax',
  help: 'Classifier output: K logits with softmax cross-entropy, or one sigmoid logit with binary cross-entropy (2 classes only); regression ignores it',
});

/** The class count a model's `output` param asks of its data (the catalog's fact). */
function outputClasses(params: Readonly<Record<string, unknown>>) {
  const chosen = read<string>(params, 'output', 'softmax') as ClassifierOutput;
  const classes = OUTPUT_CLASSES[chosen] ?? null;
  return classes === null ? null : { classes, param: 'output', why: `a single ${chosen} output` };
}

const outputSuffix = (params: Readonly<Record<string, unknown>>): string =>
  read<string>(params, 'output', 'softmax') === 'sigmoid' ? ' · sigmoid' : '';

/**
 * An embedded tfjs Layers model: model.json's object with the weights inline as base64
 * `weightData` (the engine checks the rest). Bounded by the graph's own string limit.
 */
const EmbeddedModelSchema = z.looseObject({
  modelTopology: z.looseObject({}),
  weightsManifest: z.array(z.looseObject({})).max(64).optional(),
  weightData: z.string({ error: 'needs the weights as a base64 string, weightData' }),
});

const title = (fn: string): string => fn.charAt(0).toUpperCase() + fn.slice(1);

export const modelBlocks: readonly BlockDefinition[] = [
  {
    type: 'model.surface',
    kind: 'model',
    title: 'Surface',
    description: 'An exact 2D loss surface: the parameters are the point (x, y); no data',
    inputs: [],
    outputs,
    params: {
      fn: choice({
        options: SURFACE_FUNCTIONS,
        default: 'rosenbrock',
        help: 'The function L(x, y) to minimize',
      }),
      start: point({
        default: [-1.5, 2],
        min: -100,
        max: 100,
        help: 'Starting point (x, y) of every run on this surface',
      }),
    },
    summary: (params) => {
      const [x, y] = readList(params, 'start', [-1.5, 2]);
      const fn = read(params, 'fn', 'rosenbrock');
      return `${title(fn)} from (${formatShort(x ?? 0)}, ${formatShort(y ?? 0)})`;
    },
  },
  {
    type: 'model.linear',
    kind: 'model',
    title: 'Linear',
    description: "Logistic, softmax or linear regression, by the dataset's task",
    inputs: datasetInput,
    outputs,
    params: {
      init: choice({
        options: ['glorot', 'zeros'],
        default: 'glorot',
        help: 'Initial weights: Glorot uniform or all zeros (biases start at zero)',
      }),
      output,
      seed: seed('the initial weights'),
    },
    summary: (params) => `Linear · ${read(params, 'init', 'glorot')} init${outputSuffix(params)}`,
    requiredClasses: outputClasses,
  },
  {
    type: 'model.mlp',
    kind: 'model',
    title: 'MLP',
    description: 'Multi-layer perceptron: dense hidden layers with a nonlinearity',
    inputs: datasetInput,
    outputs,
    params: {
      hidden: numberList({
        default: [32, 32],
        minItems: 0,
        maxItems: 8,
        itemMin: 1,
        itemMax: MAX_HIDDEN_UNITS,
        integer: true,
        help: 'Units of each hidden layer, input side first',
      }),
      activation: choice({
        options: ['relu', 'tanh', 'sigmoid', 'gelu'],
        default: 'relu',
        help: 'Nonlinearity after each hidden layer',
      }),
      skip: bool({
        default: false,
        help: 'Residual connections around hidden layers (they smooth the landscape)',
      }),
      init: choice({
        options: ['glorot', 'he', 'zeros'],
        default: 'glorot',
        help: 'Initial weights: Glorot uniform, He normal, or all zeros (biases start at zero)',
      }),
      output,
      seed: seed('the initial weights'),
    },
    requiredClasses: outputClasses,
    summary: (params) => {
      const hidden = readList(params, 'hidden', [32, 32]);
      const shape = hidden.length === 0 ? 'no hidden layer' : hidden.join('-');
      const skip = read(params, 'skip', false) ? ' · skip' : '';
      return `MLP ${shape} · ${read(params, 'activation', 'relu')}${skip}${outputSuffix(params)}`;
    },
    check: (params) => {
      const hidden = readList(params, 'hidden', []);
      let weights = 0;
      for (let i = 1; i < hidden.length; i++) weights += hidden[i - 1]! * hidden[i]!;
      return weights > MAX_HIDDEN_WEIGHTS
        ? [
            {
              param: 'hidden',
              message: `needs ${weights} weights between hidden layers; the limit is ${MAX_HIDDEN_WEIGHTS}`,
            },
          ]
        : [];
    },
  },
  {
    type: 'model.cnn',
    kind: 'model',
    title: 'CNN',
    description: 'A small convolutional network for image data such as digits',
    inputs: datasetInput,
    outputs,
    params: {
      channels: numberList({
        default: [8, 16],
        minItems: 1,
        maxItems: 4,
        itemMin: 1,
        itemMax: 128,
        integer: true,
        help: 'Channels of each convolution (each followed by ReLU and 2×2 max pooling)',
      }),
      kernel: num({
        default: 3,
        min: 1,
        max: 7,
        integer: true,
        help: 'Side of each square convolution kernel',
      }),
      dense: numberList({
        default: [64],
        minItems: 0,
        maxItems: 3,
        itemMin: 1,
        itemMax: 1024,
        integer: true,
        help: 'Units of the dense layers after the convolutions',
      }),
      seed: seed('the initial weights'),
    },
    summary: (params) =>
      `CNN ${readList(params, 'channels', [8, 16]).join('-')} · ${read(params, 'kernel', 3)}×${read(params, 'kernel', 3)}`,
  },
  {
    type: 'model.import',
    kind: 'model',
    title: 'Import (tfjs)',
    description:
      'Your own model: a TensorFlow.js Layers model.json (Sequential Dense, Conv2D, MaxPooling2D, Flatten); its weights are where training starts',
    inputs: datasetInput,
    outputs,
    params: {
      path: text({
        default: '',
        maxLength: 4096,
        help: 'model.json, relative to the graph file; its weight files sit beside it',
        file: 'layersModel',
      }),
      embedded: structured({
        schema: EmbeddedModelSchema,
        help: 'A small model kept in the graph itself: model.json with base64 weightData (used instead of path)',
      }),
    },
    summary: (params) => {
      if (params.embedded) return 'Imported · embedded in the graph';
      const path = read(params, 'path', '');
      const file = path.split(/[\\/]/).pop() ?? '';
      return file === '' ? 'Import · no model chosen' : `Imported · ${file}`;
    },
    check: (params) =>
      params.path === '' && !params.embedded
        ? [{ param: 'path', message: 'choose a model.json file (or embed a model)' }]
        : [],
  },
];
