/** Block facts: what the catalog states so that no one guesses from a type's name. */
import { describe, expect, it } from 'vitest';
import {
  CHART_METRICS,
  catalog,
  defaultParams,
  getBlock,
  METRIC_NAMES,
} from '../../../src-shared/graph';
import { MetricNameSchema } from '../../../src-shared/protocol/events';

const velocity = (type: string, params: Record<string, unknown> = {}) =>
  getBlock(type)?.facts?.hasVelocity?.({ ...defaultParams(type), ...params }) ?? false;

describe('block facts', () => {
  it('optimizers state whether they keep a velocity', () => {
    expect(velocity('optimizer.sgd')).toBe(false);
    expect(velocity('optimizer.sgd', { momentum: 0.9 })).toBe(true);
    expect(velocity('optimizer.rmsprop', { momentum: 0.5 })).toBe(true);
    for (const type of [
      'optimizer.adam',
      'optimizer.adamw',
      'optimizer.nadam',
      'optimizer.radam',
    ]) {
      expect(velocity(type), type).toBe(true);
    }
    expect(velocity('optimizer.adagrad')).toBe(false);
    expect(velocity('optimizer.newton')).toBe(false);
  });

  it('the 2D toy datasets state their two features; the others leave it to the data', () => {
    const twoD = catalog.filter((b) => b.facts?.features === 2).map((b) => b.type);
    expect(twoD.sort()).toEqual(
      ['circles', 'gaussians', 'moons', 'spiral', 'xor'].map((n) => `dataset.${n}`),
    );
  });

  it('metrics state what a run needs for a value', () => {
    const needing = (fact: 'needsClasses' | 'needsValidation') =>
      catalog.filter((b) => b.facts?.[fact]).map((b) => b.type);
    expect(needing('needsClasses')).toEqual(['metric.accuracy', 'metric.valAccuracy']);
    expect(needing('needsValidation')).toEqual(['metric.valLoss', 'metric.valAccuracy']);
  });

  it('the metric names and the charts come from the metric blocks', () => {
    const blocks = catalog.filter((b) => b.kind === 'metric').map((b) => b.type);
    expect(METRIC_NAMES.map((n) => `metric.${n}`)).toEqual(blocks);
    expect(MetricNameSchema.options).toEqual(METRIC_NAMES);
    expect(CHART_METRICS.map((c) => [c.metric, c.title, c.logByDefault])).toEqual([
      ['loss', 'Loss', true],
      ['valLoss', 'Validation loss', true],
      ['accuracy', 'Accuracy', false],
      ['valAccuracy', 'Validation accuracy', false],
      ['lr', 'Learning rate', false],
      ['gradNorm', 'Gradient norm ‖∇L‖', true],
      ['paramNorm', 'Parameter norm ‖θ‖', false],
      ['hessianTop', 'Hessian top eigenvalue λ₁', false],
      ['hessianEigs', 'Hessian largest eigenvalue λ₁ (top-k)', false],
      ['hessianTrace', 'Hessian trace (Hutchinson)', false],
      ['stepTime', 'Step time (ms)', false],
    ]);
  });
});
