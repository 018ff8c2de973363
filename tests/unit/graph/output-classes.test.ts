/**
 * A model's `output: sigmoid` needs 2 classes: the validator reads that from the catalog
 * (the model's requiredClasses, the dataset's data facts), never from type names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBlock, parseGraphText } from '../../../src-shared/graph';

const text = readFileSync(
  join(__dirname, '../../../resources/examples/logistic-convex.json'),
  'utf8',
);

function withData(type: string, params: Record<string, unknown>) {
  const graph = JSON.parse(text);
  graph.nodes[0] = { ...graph.nodes[0], type, params };
  return parseGraphText(JSON.stringify(graph));
}

describe('output: sigmoid against the data', () => {
  it('the logistic example uses it and is valid', () => {
    const result = parseGraphText(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.graph.nodes[1]!.params.output).toBe('sigmoid');
  });

  it('the catalog states the facts both checks use', () => {
    expect(getBlock('model.linear')!.requiredClasses!({ output: 'sigmoid' })).toMatchObject({
      classes: 2,
      param: 'output',
    });
    expect(getBlock('model.mlp')!.requiredClasses!({ output: 'softmax' })).toBeNull();
    expect(getBlock('dataset.spiral')!.data!({ classes: 5 })).toEqual({
      task: 'classification',
      classes: 5,
    });
    expect(getBlock('dataset.moons')!.data!({})).toEqual({ task: 'classification', classes: 2 });
    expect(getBlock('dataset.csv')!.data).toBeUndefined();
  });

  it('refuses 3 gaussians, at the model param, naming the dataset', () => {
    const result = withData('dataset.gaussians', { classes: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({
      path: 'nodes[1].params.output',
      message:
        'a single sigmoid output needs data with 2 classes; Gaussians "data" (dataset.gaussians) has 3 classes',
    });
  });

  it('refuses regression and digits data; accepts moons', () => {
    const regression = withData('dataset.regression', {});
    expect(!regression.ok && regression.problems.map((p) => p.message)).toContain(
      'a single sigmoid output needs data with 2 classes; Regression "data" (dataset.regression) is a regression',
    );
    const digits = withData('dataset.digits', {});
    expect(!digits.ok && digits.problems.map((p) => p.path)).toContain('nodes[1].params.output');
    expect(withData('dataset.moons', {}).ok).toBe(true);
  });
});
