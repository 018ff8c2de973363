import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../../../src-renderer/document/documentStore';
import {
  addBlock,
  connect,
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  pasteText,
  selectAll,
} from '../../../../src-renderer/editor/editorActions';
import { defaultParams } from '../../../../src-shared/graph';
import { smallGraph } from '../fixtures';

const setup = () => createDocumentStore(smallGraph(), { name: 'small.json', path: null });

describe('editor actions', () => {
  it('adds a block with default params at a snapped position, selected, as one undo step', () => {
    const store = setup();
    expect(addBlock(store, 'optimizer.sgd', { x: 113, y: 47 })).toEqual({ id: 'sgd' });
    const { graph, selection } = store.getSnapshot();
    expect(graph.nodes.at(-1)).toEqual({
      id: 'sgd',
      type: 'optimizer.sgd',
      params: defaultParams('optimizer.sgd'),
      position: { x: 120, y: 40 },
    });
    expect(selection.nodes).toEqual(['sgd']);
    expect(addBlock(store, 'optimizer.nonsense', { x: 0, y: 0 })).toBeNull();
    store.undo();
    expect(store.getSnapshot().graph.nodes).toHaveLength(6);
  });

  it('adds a block joined to a loose wire, and undoes both at once', () => {
    const store = setup();
    addBlock(
      store,
      'metric.accuracy',
      { x: 0, y: 0 },
      { nodeId: 'train', port: 'run', side: 'out' },
    );
    const { graph } = store.getSnapshot();
    expect(graph.edges.at(-1)).toEqual({
      id: 'e7',
      from: { node: 'train', port: 'run' },
      to: { node: 'accuracy', port: 'run' },
    });
    store.undo();
    expect(store.getSnapshot().graph).toEqual(smallGraph());
  });

  it('connect returns the reason for a refused wire and changes nothing', () => {
    const store = setup();
    const reason = connect(store, {
      source: 'loss',
      sourcePort: 'series',
      target: 'train',
      targetPort: 'dataset',
    });
    expect(reason).toMatch(/the types differ/);
    expect(store.getSnapshot().undoLabel).toBeNull();
  });

  it('deletes the selected blocks with their wires', () => {
    const store = setup();
    store.select({ nodes: ['train'], edges: ['e1'] });
    expect(deleteSelection(store)).toBe(true);
    const { graph } = store.getSnapshot();
    expect(graph.nodes.map((n) => n.id)).not.toContain('train');
    expect(graph.edges.map((e) => e.id)).toEqual(['e6']);
  });

  it('cut then paste gives the blocks back under fresh ids, wires kept', () => {
    const store = setup();
    store.select({ nodes: ['loss', 'chart'], edges: [] });
    const text = cutSelection(store)!;
    expect(store.getSnapshot().graph.nodes).toHaveLength(4);
    expect(pasteText(store, text)).toBe(true);
    const { graph, selection } = store.getSnapshot();
    // The ids were free again after the cut, so the pasted blocks take their plain names.
    expect(selection.nodes).toEqual(['loss', 'chart']);
    expect(graph.edges.at(-1)).toMatchObject({
      from: { node: 'loss', port: 'series' },
      to: { node: 'chart', port: 'series' },
    });
  });

  it('duplicate copies the selection beside itself; nothing selected copies nothing', () => {
    const store = setup();
    expect(copySelection(store)).toBeNull();
    expect(duplicateSelection(store)).toBe(false);
    store.select({ nodes: ['adam'], edges: [] });
    expect(duplicateSelection(store)).toBe(true);
    const copy = store.getSnapshot().graph.nodes.at(-1)!;
    expect(copy).toMatchObject({ id: 'adam-2', position: { x: 340, y: 240 } });
  });

  it('pasting text that is not blocks does nothing', () => {
    const store = setup();
    expect(pasteText(store, 'just some words')).toBe(false);
    expect(store.getSnapshot().undoLabel).toBeNull();
  });

  it('select all takes every block and wire', () => {
    const store = setup();
    selectAll(store);
    expect(store.getSnapshot().selection.nodes).toHaveLength(6);
    expect(store.getSnapshot().selection.edges).toHaveLength(6);
  });
});
