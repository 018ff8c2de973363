/** The train block: joins data, model and optimizer into a run. */
import type { BlockDefinition } from '../block';
import { bool, num, read, seed } from './specs';

export const MAX_EPOCHS = 100_000;
export const MAX_STEPS = 1_000_000;

export const trainBlock: BlockDefinition = {
  type: 'train',
  kind: 'train',
  title: 'Train',
  description: 'Trains the model with the optimizer on the dataset and emits the run',
  inputs: [
    // Required unless the model is model.surface, which has no data (checked in validate/rules).
    { name: 'dataset', type: 'dataset' },
    { name: 'model', type: 'model', required: true },
    { name: 'optimizer', type: 'optimizer', required: true },
  ],
  outputs: [{ name: 'run', type: 'run' }],
  params: {
    epochs: num({
      default: 20,
      min: 1,
      max: MAX_EPOCHS,
      integer: true,
      help: 'Passes over the training data (on a model.surface, one epoch is one step)',
    }),
    batchSize: num({
      default: 32,
      min: 1,
      max: 100_000,
      integer: true,
      help: 'Samples per minibatch (B ≪ N: noisier, cheaper steps)',
    }),
    maxSteps: num({
      default: null,
      nullable: true,
      min: 1,
      max: MAX_STEPS,
      integer: true,
      unit: 'steps',
      help: 'Stop after this many steps (empty: no limit)',
    }),
    shuffle: bool({ default: true, help: 'Reshuffle the training data every epoch' }),
    evalEvery: num({
      default: 1,
      min: 1,
      max: MAX_EPOCHS,
      integer: true,
      unit: 'epochs',
      help: 'Evaluate on the validation split every N epochs',
    }),
    gradNoise: num({
      default: 0,
      min: 0,
      max: 100,
      help: 'Adds Gaussian noise of this standard deviation to every gradient component: stochastic gradients on a surface, like minibatch noise',
    }),
    seed: seed('shuffling the batches and gradient noise'),
  },
  summary: (params) => {
    const maxSteps = params.maxSteps;
    const cap = typeof maxSteps === 'number' ? ` · ≤ ${maxSteps} steps` : '';
    return `${read(params, 'epochs', 20)} epochs · batch ${read(params, 'batchSize', 32)}${cap}`;
  },
};
