import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../../src-shared/editor/document-store';
import { emptyGraph } from '../../../src-shared/editor/empty-graph';
import { smallGraph } from '../renderer/fixtures';

const FILE = { name: 'small.json', path: '/tmp/small.json' };

describe('document store', () => {
  it('starts clean, with the graph validated', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    const state = store.getSnapshot();
    expect(state.dirty).toBe(false);
    expect(state.problems).toEqual([]);
    expect(state.file).toEqual(FILE);
  });

  it('lists the problems of an invalid graph (train without its model)', () => {
    const graph = smallGraph();
    graph.edges = graph.edges.filter((edge) => edge.id !== 'e3');
    const state = createDocumentStore(graph, FILE).getSnapshot();
    expect(state.problems.length).toBe(1);
    expect(state.problems[0]!.path).toBe('nodes[3]');
    expect(state.problems[0]!.message).toMatch(/model/);
  });

  it('notifies subscribers on every change and stops after unsubscribe', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    let calls = 0;
    const unsubscribe = store.subscribe(() => {
      calls += 1;
    });
    store.select({ nodes: ['adam'], edges: [] });
    store.refuse('bad.json', [{ path: '', message: 'is not valid JSON' }]);
    unsubscribe();
    store.dismissRefused();
    expect(calls).toBe(2);
  });

  it('keeps the same snapshot object until something changes (for useSyncExternalStore)', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    expect(store.getSnapshot()).toBe(store.getSnapshot());
    const before = store.getSnapshot();
    store.select({ nodes: ['mlp'], edges: [] });
    expect(store.getSnapshot()).not.toBe(before);
    // Selection does not change the graph, so its problems are not recomputed.
    expect(store.getSnapshot().problems).toBe(before.problems);
  });

  it('a refused file leaves graph, file and selection as they were', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    store.select({ nodes: ['mlp'], edges: [] });
    const before = store.getSnapshot();
    store.refuse('bad.json', [{ path: 'nodes[0].type', message: 'unknown block type' }]);
    const after = store.getSnapshot();
    expect(after.graph).toBe(before.graph);
    expect(after.file).toBe(before.file);
    expect(after.selection).toBe(before.selection);
    expect(after.refused).toEqual({
      name: 'bad.json',
      problems: [{ path: 'nodes[0].type', message: 'unknown block type' }],
    });
  });

  it('load replaces the document, clears selection and refusal, and bumps loadId', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    store.select({ nodes: ['mlp'], edges: [] });
    store.refuse('bad.json', []);
    store.load(emptyGraph('Fresh'), { name: 'untitled.json', path: null });
    const state = store.getSnapshot();
    expect(state.graph.name).toBe('Fresh');
    expect(state.selection).toEqual({ nodes: [], edges: [] });
    expect(state.refused).toBeNull();
    expect(state.loadId).toBe(1);
    expect(state.problems).toEqual([]);
  });

  it('markSaved records the new file and clears the unsaved mark', () => {
    const store = createDocumentStore(smallGraph(), { name: 'untitled.json', path: null });
    store.markSaved({ name: 'mine.json', path: '/home/me/mine.json' });
    expect(store.getSnapshot().file).toEqual({ name: 'mine.json', path: '/home/me/mine.json' });
    expect(store.getSnapshot().dirty).toBe(false);
  });
});
