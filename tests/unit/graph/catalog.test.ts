/** The block catalog against DESIGN.md's table, torch.optim's defaults and its own specs. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_KINDS,
  catalog,
  checkParamValue,
  defaultParams,
  getBlock,
  PORT_TYPES,
} from '../../../src-shared/graph/index';

/** DESIGN.md "Block catalog": every type and the params it names. */
const DESIGN: Record<string, string[]> = {
  'dataset.spiral': ['samples', 'noise', 'classes', 'valSplit', 'seed'],
  'dataset.moons': ['samples', 'noise', 'valSplit', 'seed'],
  'dataset.circles': ['samples', 'noise', 'valSplit', 'seed'],
  'dataset.xor': ['samples', 'noise', 'valSplit', 'seed'],
  'dataset.gaussians': ['samples', 'noise', 'classes', 'valSplit', 'seed'],
  'dataset.regression': ['fn', 'samples', 'noise', 'valSplit', 'seed'],
  'dataset.digits': ['valSplit', 'seed'],
  'dataset.csv': ['path', 'target', 'valSplit', 'normalize', 'shuffle', 'seed'],
  'model.surface': ['fn', 'start'],
  'model.linear': ['init', 'output', 'seed'],
  'model.mlp': ['hidden', 'activation', 'skip', 'init', 'output', 'seed'],
  'model.cnn': ['channels', 'kernel', 'dense', 'seed'],
  'model.import': ['path', 'embedded'],
  'optimizer.sgd': ['lr', 'momentum', 'nesterov', 'weightDecay'],
  'optimizer.adagrad': ['lr', 'eps', 'initialAccumulator'],
  'optimizer.rmsprop': ['lr', 'beta', 'eps', 'momentum', 'centered'],
  'optimizer.adam': ['lr', 'beta1', 'beta2', 'eps', 'amsgrad'],
  'optimizer.adamw': ['lr', 'beta1', 'beta2', 'eps', 'amsgrad', 'weightDecay'],
  'optimizer.nadam': ['lr', 'beta1', 'beta2', 'eps', 'momentumDecay'],
  'optimizer.radam': ['lr', 'beta1', 'beta2', 'eps'],
  'optimizer.newton': ['lr', 'damping'],
  'schedule.constant': ['factor', 'totalIters', 'interval'],
  'schedule.step': ['stepSize', 'gamma', 'interval'],
  'schedule.multistep': ['milestones', 'gamma', 'interval'],
  'schedule.exponential': ['gamma', 'interval'],
  'schedule.cosine': ['tMax', 'etaMin', 'interval'],
  'schedule.cosineRestarts': ['t0', 'tMult', 'etaMin', 'interval'],
  'schedule.linearWarmup': ['startFactor', 'endFactor', 'totalIters', 'interval'],
  'schedule.onecycle': [
    'maxLr',
    'totalSteps',
    'pctStart',
    'annealStrategy',
    'divFactor',
    'finalDivFactor',
    'threePhase',
    'cycleMomentum',
    'baseMomentum',
    'maxMomentum',
    'interval',
  ],
  'schedule.polynomial': ['totalIters', 'power', 'interval'],
  'schedule.plateau': [
    'mode',
    'factor',
    'patience',
    'threshold',
    'thresholdMode',
    'cooldown',
    'minLr',
    'eps',
    'interval',
  ],
  // gradNoise extends DESIGN's list: stochastic gradients on analytic surfaces.
  train: ['epochs', 'batchSize', 'maxSteps', 'shuffle', 'evalEvery', 'gradNoise', 'seed'],
  'metric.loss': ['every'],
  'metric.accuracy': ['every'],
  'metric.valLoss': ['every'],
  'metric.valAccuracy': ['every'],
  'metric.gradNorm': ['every'],
  'metric.paramNorm': ['every'],
  'metric.lr': ['every'],
  'metric.hessianTop': ['every'],
  // samples extends DESIGN's list: the Hessian is measured on a fixed subset, as PyHessian's batch.
  'metric.hessianEigs': ['every', 'k', 'layer', 'samples'],
  'metric.hessianTrace': ['every', 'probes', 'layer', 'samples'],
  'metric.hessianDensity': ['every', 'steps', 'runs', 'layer', 'samples'],
  'metric.stepTime': ['every'],
  // decades extends DESIGN's list: a log axis that a Newton run's 1e-12 cannot flatten.
  'view.chart': ['smoothing', 'logY', 'decades'],
  // sideBySide extends DESIGN's list: "several landscape views side by side", chosen in the graph.
  'view.landscape': [
    'directions',
    'norm',
    'ignoreBiasBN',
    'grid',
    'range',
    'evalSamples',
    'center',
    'scale',
    'sideBySide',
    'recording',
  ],
};

/**
 * Blocks added after DESIGN.md by the recipe in src-shared/CONTEXT.md (one definition, one
 * implementation, one test file): an optimizer, dataset or metric, each with its own tests.
 */
const EXTENSIBLE_KINDS = ['optimizer', 'dataset', 'metric'];
const testFileOf = (type: string) => {
  const [kind, name] = type.split('.');
  return `tests/unit/engine/${kind}s/${name}.test.ts`;
};

describe('catalog', () => {
  it('has every type of DESIGN.md, each with exactly its params', () => {
    for (const type of Object.keys(DESIGN)) {
      expect(Object.keys(getBlock(type)?.params ?? {}), type).toEqual(DESIGN[type]);
    }
  });

  it('adds to DESIGN.md only by the recipe: an optimizer, dataset or metric with its test file', () => {
    const added = catalog.filter((b) => !Object.hasOwn(DESIGN, b.type));
    for (const block of added) {
      expect(EXTENSIBLE_KINDS, block.type).toContain(block.kind);
      expect(existsSync(testFileOf(block.type)), testFileOf(block.type)).toBe(true);
    }
  });

  it('defaults from DESIGN.md, torch.optim (lr_scheduler) and the lecture', () => {
    expect(defaultParams('optimizer.sgd')).toEqual({
      lr: 0.01,
      momentum: 0,
      nesterov: false,
      weightDecay: 0,
    });
    expect(defaultParams('optimizer.adagrad')).toEqual({
      lr: 0.01,
      eps: 1e-10,
      initialAccumulator: 0,
    });
    expect(defaultParams('optimizer.rmsprop')).toEqual({
      lr: 0.01,
      beta: 0.99,
      eps: 1e-8,
      momentum: 0,
      centered: false,
    });
    // The lecture: α = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8.
    expect(defaultParams('optimizer.adam')).toEqual({
      lr: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      amsgrad: false,
    });
    expect(defaultParams('optimizer.adamw')).toMatchObject({ lr: 0.001, weightDecay: 0.01 });
    expect(defaultParams('optimizer.nadam')).toMatchObject({ lr: 0.002, momentumDecay: 0.004 });
    expect(defaultParams('optimizer.radam')).toMatchObject({ lr: 0.001, beta1: 0.9, beta2: 0.999 });
    expect(defaultParams('optimizer.newton')).toEqual({ lr: 1, damping: 0 });
    expect(defaultParams('schedule.constant')).toEqual({
      factor: 1 / 3,
      totalIters: 5,
      interval: 'step',
    });
    expect(defaultParams('schedule.linearWarmup')).toMatchObject({
      startFactor: 1 / 3,
      endFactor: 1,
      totalIters: 5,
    });
    expect(defaultParams('schedule.onecycle')).toMatchObject({
      totalSteps: null,
      pctStart: 0.3,
      annealStrategy: 'cos',
      divFactor: 25,
      finalDivFactor: 1e4,
      threePhase: false,
      cycleMomentum: true,
      baseMomentum: 0.85,
      maxMomentum: 0.95,
    });
    expect(defaultParams('schedule.polynomial')).toMatchObject({ totalIters: 5, power: 1 });
    expect(defaultParams('schedule.plateau')).toMatchObject({
      mode: 'min',
      factor: 0.1,
      patience: 10,
      threshold: 1e-4,
      thresholdMode: 'rel',
      cooldown: 0,
      minLr: 0,
      eps: 1e-8,
    });
    expect(defaultParams('schedule.step')).toMatchObject({ gamma: 0.1 });
    expect(defaultParams('schedule.cosineRestarts')).toMatchObject({ tMult: 1, etaMin: 0 });
    expect(defaultParams('dataset.spiral')).toMatchObject({ samples: 400, valSplit: 0.2 });
    expect(defaultParams('dataset.csv')).toMatchObject({
      valSplit: 0.2,
      normalize: false,
      shuffle: true,
    });
    expect(defaultParams('model.mlp')).toMatchObject({ hidden: [32, 32], skip: false });
    expect(defaultParams('train')).toMatchObject({ maxSteps: null });
    expect(defaultParams('view.landscape')).toMatchObject({
      ignoreBiasBN: true,
      grid: 41,
      range: 1,
      evalSamples: 512,
    });
  });

  it('model.surface offers the classic test functions', () => {
    const fn = getBlock('model.surface')?.params.fn;
    expect(fn?.kind === 'enum' && fn.options).toEqual([
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
    ]);
  });

  it('every default satisfies its own spec, and defaults are fresh copies', () => {
    for (const block of catalog) {
      for (const [name, spec] of Object.entries(block.params)) {
        const check = checkParamValue(defaultParams(block.type)[name], spec);
        expect(check.ok, `${block.type}.${name}`).toBe(true);
        expect(spec.help.length, `${block.type}.${name} help`).toBeGreaterThan(5);
      }
    }
    const a = defaultParams('model.mlp');
    (a.hidden as number[]).push(99);
    expect(defaultParams('model.mlp').hidden).toEqual([32, 32]);
    expect(defaultParams('nope')).toEqual({});
  });

  it('kinds, ports and descriptions are well formed', () => {
    for (const block of catalog) {
      expect(BLOCK_KINDS).toContain(block.kind);
      expect(block.type.startsWith(block.kind === 'train' ? 'train' : `${block.kind}.`)).toBe(true);
      expect(block.description).not.toContain('\n');
      expect(block.title.length).toBeGreaterThan(1);
      for (const port of [...block.inputs, ...block.outputs]) {
        expect(PORT_TYPES, `${block.type}.${port.name}`).toContain(port.type);
      }
      const names = [...block.inputs, ...block.outputs].map((p) => p.name);
      expect(new Set(names).size, block.type).toBe(names.length);
    }
  });

  it('the ports of DESIGN.md', () => {
    const ports = (type: string) => {
      const block = getBlock(type)!;
      return {
        inputs: block.inputs.map(
          (p) =>
            `${p.name}:${p.type}${p.required ? '!' : ''}${p.multiple ? '*' : ''}${p.feedback ? '~' : ''}`,
        ),
        outputs: block.outputs.map((p) => `${p.name}:${p.type}`),
      };
    };
    expect(ports('dataset.moons')).toEqual({ inputs: [], outputs: ['dataset:dataset'] });
    expect(ports('model.mlp')).toEqual({ inputs: ['dataset:dataset'], outputs: ['model:model'] });
    expect(ports('model.surface')).toEqual({ inputs: [], outputs: ['model:model'] });
    expect(ports('optimizer.adam')).toEqual({
      inputs: ['lr:lr'],
      outputs: ['optimizer:optimizer'],
    });
    expect(ports('schedule.cosine')).toEqual({ inputs: [], outputs: ['lr:lr'] });
    expect(ports('schedule.plateau')).toEqual({ inputs: ['metric:series!~'], outputs: ['lr:lr'] });
    expect(ports('train')).toEqual({
      inputs: ['dataset:dataset', 'model:model!', 'optimizer:optimizer!'],
      outputs: ['run:run'],
    });
    expect(ports('metric.hessianTop')).toEqual({
      inputs: ['run:run!'],
      outputs: ['series:series'],
    });
    expect(ports('view.chart')).toEqual({ inputs: ['series:series!*'], outputs: [] });
    expect(ports('view.landscape')).toEqual({ inputs: ['runs:run!*'], outputs: [] });
  });

  it('optimizers and schedules carry their update rule; the lecture forms appear', () => {
    for (const block of catalog) {
      const needs = block.kind === 'optimizer' || block.kind === 'schedule';
      expect(block.updateRule !== undefined, block.type).toBe(needs);
    }
    expect(getBlock('optimizer.adam')?.updateRule).toContain(
      '\\theta_{k+1} &= \\theta_k - \\alpha \\frac{\\hat{m}_k}{\\sqrt{\\hat{v}_k} + \\epsilon}',
    );
    expect(getBlock('optimizer.rmsprop')?.updateRule).toContain(
      's_k &\\leftarrow \\beta s_{k-1} + (1 - \\beta)(\\nabla_{\\theta} \\mathcal{L}(\\theta_k))^2',
    );
    expect(getBlock('optimizer.sgd')?.updateRule).toContain(
      'g_k &= \\nabla_{\\theta} \\mathcal{L}(\\theta_k) + \\mu g_{k-1}',
    );
  });

  it('summaries read well and tolerate missing or bad params', () => {
    const summary = (type: string, params: Record<string, unknown> = defaultParams(type)) =>
      getBlock(type)!.summary(params);
    expect(summary('optimizer.adam')).toBe('Adam · lr 1e-3');
    expect(summary('optimizer.sgd', { lr: 0.1, momentum: 0.9, nesterov: true })).toBe(
      'SGD · lr 0.1 · Nesterov 0.9',
    );
    expect(summary('optimizer.rmsprop')).toBe('RMSProp · lr 0.01');
    expect(summary('model.mlp')).toBe('MLP 32-32 · relu');
    expect(summary('model.surface')).toBe('Rosenbrock from (-1.5, 2)');
    expect(summary('schedule.cosine', { tMax: 400 })).toBe('Cosine · 400 steps');
    expect(summary('train')).toBe('20 epochs · batch 32');
    expect(summary('metric.hessianTop')).toBe('Top Hessian eigenvalue · every 10 steps');
    expect(summary('dataset.csv')).toBe('CSV · no file chosen');
    expect(summary('dataset.csv', { path: '/home/me/data/iris.csv' })).toBe('CSV · iris.csv');
    for (const block of catalog) {
      expect(typeof block.summary({}), block.type).toBe('string');
      expect(typeof block.summary({ lr: 'x', hidden: 'y', start: null, fn: 3 })).toBe('string');
    }
  });

  it('lookups by prototype names find nothing', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(getBlock(name)).toBeUndefined();
      expect(defaultParams(name)).toEqual({});
    }
  });
});
