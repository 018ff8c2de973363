/**
 * The sweep panel's settings: each field's text becomes a checked sweep (undoable setSweep,
 * saved in the JSON), or one message naming the field, and never an invalid document.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  changeSweep,
  DEFAULT_MEDIAN_STEP,
  DEFAULT_RANDOM_TRIALS,
} from '../../../../src-renderer/sweep/sweepSettings';
import { createDocumentStore } from '../../../../src-shared/editor/document-store';
import { parseGraphText, serializeGraph, validateGraph } from '../../../../src-shared/graph';
import { expandSweep } from '../../../../src-shared/sweep/expand';

const example = () => {
  const parsed = parseGraphText(readFileSync('resources/examples/sweep-lr-momentum.json', 'utf8'));
  if (!parsed.ok) throw new Error('the sweep example does not parse');
  return parsed.graph;
};

const ok = (result: ReturnType<typeof changeSweep>) => {
  if (!result.ok) throw new Error(result.message);
  return result.sweep;
};

describe('sweep settings', () => {
  it('random gets a trial count; the count, seed and median rule change the trials', () => {
    const graph = example();
    expect(expandSweep(graph)).toHaveLength(30);
    const random = ok(changeSweep(graph, { field: 'method', value: 'random' }));
    expect(random.method).toBe('random');
    expect(random.trials).toBe(DEFAULT_RANDOM_TRIALS);
    const g2 = { ...graph, sweep: random };
    expect(expandSweep(g2)).toHaveLength(DEFAULT_RANDOM_TRIALS);

    const eight = ok(changeSweep(g2, { field: 'trials', value: ' 8 ' }));
    expect(expandSweep({ ...graph, sweep: eight })).toHaveLength(8);
    const reseeded = ok(changeSweep({ ...graph, sweep: eight }, { field: 'seed', value: '7' }));
    expect(reseeded.seed).toBe(7);
    expect(expandSweep({ ...graph, sweep: reseeded })).not.toEqual(
      expandSweep({ ...graph, sweep: eight }),
    );

    // A grid with the count cleared runs all of it.
    const grid = ok(changeSweep({ ...graph, sweep: eight }, { field: 'method', value: 'grid' }));
    const all = ok(changeSweep({ ...graph, sweep: grid }, { field: 'trials', value: '' }));
    expect(all.trials).toBeUndefined();
    expect(expandSweep({ ...graph, sweep: all })).toHaveLength(30);

    const on = ok(changeSweep(graph, { field: 'medianStop', value: true }));
    expect(on.medianStop).toEqual({ step: DEFAULT_MEDIAN_STEP, minTrials: 4 });
    const at50 = ok(changeSweep({ ...graph, sweep: on }, { field: 'medianStep', value: '50' }));
    expect(at50.medianStop!.step).toBe(50);
    const off = ok(changeSweep({ ...graph, sweep: at50 }, { field: 'medianStop', value: false }));
    expect(off.medianStop).toBeUndefined();
  });

  it('bad input gets one message naming the field, and no sweep', () => {
    const graph = example();
    const random = {
      ...graph,
      sweep: ok(changeSweep(graph, { field: 'method', value: 'random' })),
    };
    const message = (r: ReturnType<typeof changeSweep>) => (r.ok ? null : r.message);
    expect(message(changeSweep(random, { field: 'trials', value: '' }))).toBe(
      'trials: random search needs a number of trials',
    );
    expect(message(changeSweep(graph, { field: 'trials', value: 'ten' }))).toBe(
      'trials: "ten" is not a number',
    );
    expect(message(changeSweep(graph, { field: 'trials', value: '2.5' }))).toBe(
      'trials: 2.5 is not a whole number',
    );
    expect(message(changeSweep(graph, { field: 'trials', value: '0' }))).toMatch(/^trials: /);
    expect(message(changeSweep(graph, { field: 'trials', value: '5000' }))).toMatch(/^trials: /);
    expect(message(changeSweep(graph, { field: 'seed', value: '-1' }))).toMatch(/^seed: /);
    expect(message(changeSweep(graph, { field: 'medianStep', value: '10' }))).toBe(
      'median rule step: the median rule is off',
    );
    const on = { ...graph, sweep: ok(changeSweep(graph, { field: 'medianStop', value: true })) };
    expect(message(changeSweep(on, { field: 'medianStep', value: '0' }))).toMatch(
      /^median rule step: /,
    );
  });

  it('a change is one undoable step, saved in the JSON', () => {
    const graph = example();
    const store = createDocumentStore(graph, { name: 'sweep.json', path: null });
    const sweep = ok(changeSweep(graph, { field: 'seed', value: '11' }));
    store.execute({ type: 'setSweep', sweep });
    const saved = parseGraphText(serializeGraph(store.getSnapshot().graph));
    expect(saved.ok && saved.graph.sweep?.seed).toBe(11);
    expect(validateGraph(store.getSnapshot().graph)).toEqual([]);
    store.undo();
    expect(store.getSnapshot().graph.sweep?.seed).toBe(0);
  });
});
