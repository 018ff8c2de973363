import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../../src-shared/editor/document-store';
import {
  addBlock,
  connect,
  copySelection,
  cutSelection,
  DEFAULT_BLOCK_SIZE,
  deleteSelection,
  duplicateSelection,
  pasteText,
  selectAll,
} from '../../../src-shared/editor/editor-actions';
import { defaultParams } from '../../../src-shared/graph';
import { smallGraph } from '../renderer/fixtures';

const setup = () => createDocumentStore(smallGraph(), { name: 'small.json', path: null });

describe('editor actions', () => {
  it('adds a block with default params at a snapped position, selected, as one undo step', () => {
    const store = setup();
    expect(addBlock(store, 'optimizer.sgd', { x: 2113, y: 47 })).toEqual({ id: 'sgd' });
    const { graph, selection } = store.getSnapshot();
    expect(graph.nodes.at(-1)).toEqual({
      id: 'sgd',
      type: 'optimizer.sgd',
      params: defaultParams('optimizer.sgd'),
      position: { x: 2120, y: 40 },
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
    const { nodes } = store.getSnapshot().graph;
    const copy = nodes.at(-1)!;
    // Beside its original (+40, +40) would cover it: the nearest free spot instead.
    expect(copy).toMatchObject({ id: 'adam-2', position: { x: 340, y: 320 } });
    const original = nodes.find((node) => node.id === 'adam')!;
    expect(copy.position.y - original.position.y).toBeGreaterThanOrEqual(DEFAULT_BLOCK_SIZE.height);
  });

  it('five blocks added at one spot land on five spots that overlap no block', () => {
    const store = setup();
    const ids = Array.from(
      { length: 5 },
      () => addBlock(store, 'metric.loss', { x: 300, y: 200 })!.id,
    );
    const boxes = store
      .getSnapshot()
      .graph.nodes.map((node) => ({ id: node.id, ...node.position, ...DEFAULT_BLOCK_SIZE }));
    for (const id of ids) {
      const box = boxes.find((candidate) => candidate.id === id)!;
      for (const other of boxes) {
        if (other.id === id) continue;
        const apart =
          box.x >= other.x + other.width ||
          other.x >= box.x + box.width ||
          box.y >= other.y + other.height ||
          other.y >= box.y + box.height;
        expect(
          apart,
          `${id} at ${box.x},${box.y} covers ${other.id} at ${other.x},${other.y}`,
        ).toBe(true);
      }
      // Near where they were asked for: within six grid rings.
      expect(Math.hypot(box.x - 300, box.y - 200)).toBeLessThan(6 * 20 * Math.SQRT2 * 3);
    }
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
