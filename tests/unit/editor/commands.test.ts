/**
 * The command stack: every command applies as specified, and undo/redo restore documents that
 * serialize byte for byte like the ones before and after it.
 */
import { describe, expect, it } from 'vitest';
import type { GraphCommand } from '../../../src-shared/editor/commands';
import { applyCommand } from '../../../src-shared/editor/commands';
import { createDocumentStore, HISTORY_LIMIT } from '../../../src-shared/editor/document-store';
import { type GraphDocument, serializeGraph } from '../../../src-shared/graph';
import { smallGraphWithAnnotations } from '../renderer/document/annotationFixture';
import { edge, node, smallGraph } from '../renderer/fixtures';

const FILE = { name: 'small.json', path: null };

const COMMANDS = {
  add: {
    type: 'add',
    nodes: [node('sgd', 'optimizer.sgd', 10, 20)],
    edges: [],
  },
  remove: { type: 'remove', nodes: ['mlp'], edges: ['e6'] },
  move: { type: 'move', positions: { adam: { x: 5, y: -7 }, train: { x: 1, y: 2 } } },
  setParam: { type: 'setParam', node: 'adam', param: 'lr', value: 0.05 },
  connect: {
    type: 'connect',
    edge: edge('e9', 'data', 'dataset', 'mlp', 'dataset'),
    replaces: ['e1'],
  },
  rename: { type: 'rename', name: 'Renamed' },
} satisfies Record<string, GraphCommand>;

/** Commands on group frames and sticky notes, applied to smallGraphWithAnnotations(). */
const ANNOTATION_COMMANDS = {
  addGroup: {
    type: 'add',
    nodes: [],
    edges: [],
    groups: [
      {
        id: 'g2',
        title: 'Metrics',
        nodes: ['loss', 'chart'],
        position: { x: 870, y: 40 },
        size: { width: 560, height: 200 },
      },
    ],
  },
  addNote: {
    type: 'add',
    nodes: [],
    edges: [],
    notes: [{ id: 'n2', text: 'Hi', position: { x: 1, y: 2 } }],
  },
  removeGroup: { type: 'remove', nodes: [], edges: [], groups: ['g1'] },
  removeNote: { type: 'remove', nodes: [], edges: [], notes: ['n1'] },
  removeMember: { type: 'remove', nodes: ['mlp'], edges: [] },
  moveAll: {
    type: 'move',
    positions: { mlp: { x: 340, y: 20 } },
    groups: { g1: { x: -20, y: -20 } },
    notes: { n1: { x: 0, y: 500 } },
  },
  retitle: { type: 'updateGroup', id: 'g1', changes: { title: 'Inputs' } },
  regroup: { type: 'updateGroup', id: 'g1', changes: { nodes: ['data'] } },
  resizeGroup: {
    type: 'updateGroup',
    id: 'g1',
    changes: { position: { x: -40, y: -50 }, size: { width: 600, height: 300 } },
  },
  editNote: { type: 'updateNote', id: 'n1', changes: { text: 'Changed' } },
  resizeNote: { type: 'updateNote', id: 'n1', changes: { size: { width: 300, height: 90 } } },
} satisfies Record<string, GraphCommand>;

describe('applyCommand', () => {
  it('add appends nodes and wires', () => {
    const after = applyCommand(smallGraph(), COMMANDS.add);
    expect(after.nodes.at(-1)).toEqual(node('sgd', 'optimizer.sgd', 10, 20));
    expect(after.nodes).toHaveLength(7);
  });

  it('remove deletes the nodes, every wire touching them, and the named wires', () => {
    const after = applyCommand(smallGraph(), COMMANDS.remove);
    expect(after.nodes.map((n) => n.id)).toEqual(['data', 'adam', 'train', 'loss', 'chart']);
    // e1 (data->mlp) and e3 (mlp->train) touched mlp; e6 was named.
    expect(after.edges.map((e) => e.id)).toEqual(['e2', 'e4', 'e5']);
  });

  it('move sets positions of the named nodes only', () => {
    const after = applyCommand(smallGraph(), COMMANDS.move);
    expect(after.nodes.find((n) => n.id === 'adam')?.position).toEqual({ x: 5, y: -7 });
    expect(after.nodes.find((n) => n.id === 'data')?.position).toEqual({ x: 0, y: 0 });
  });

  it('setParam changes one param of one node', () => {
    const before = smallGraph();
    const after = applyCommand(before, COMMANDS.setParam);
    expect(after.nodes[2]!.params).toEqual({ ...before.nodes[2]!.params, lr: 0.05 });
    expect(after.nodes[0]).toBe(before.nodes[0]);
  });

  it('connect replaces the wires it names and adds the new one last', () => {
    const after = applyCommand(smallGraph(), COMMANDS.connect);
    expect(after.edges.map((e) => e.id)).toEqual(['e2', 'e3', 'e4', 'e5', 'e6', 'e9']);
  });

  it('returns the very same document when nothing changes', () => {
    const graph = smallGraph();
    expect(applyCommand(graph, { type: 'move', positions: { data: { x: 0, y: 0 } } })).toBe(graph);
    expect(applyCommand(graph, { type: 'remove', nodes: ['nope'], edges: [] })).toBe(graph);
    expect(applyCommand(graph, { type: 'setParam', node: 'adam', param: 'lr', value: 0.001 })).toBe(
      graph,
    );
    expect(applyCommand(graph, { type: 'rename', name: 'Small' })).toBe(graph);
  });
});

describe('group and note commands', () => {
  it('add appends frames and notes, creating the lists when absent', () => {
    const plain = smallGraph();
    const after = applyCommand(plain, ANNOTATION_COMMANDS.addNote);
    expect(after.notes).toEqual([{ id: 'n2', text: 'Hi', position: { x: 1, y: 2 } }]);
    expect(after.groups).toBeUndefined();
    const both = applyCommand(smallGraphWithAnnotations(), ANNOTATION_COMMANDS.addGroup);
    expect(both.groups?.map((group) => group.id)).toEqual(['g1', 'g2']);
  });

  it('removing a block takes it out of its frame; removing a frame keeps its blocks', () => {
    const graph = smallGraphWithAnnotations();
    const noMlp = applyCommand(graph, ANNOTATION_COMMANDS.removeMember);
    expect(noMlp.groups?.[0]?.nodes).toEqual(['data']);
    const noFrame = applyCommand(graph, ANNOTATION_COMMANDS.removeGroup);
    expect(noFrame.groups).toEqual([]);
    expect(noFrame.nodes).toHaveLength(6);
    expect(applyCommand(graph, ANNOTATION_COMMANDS.removeNote).notes).toEqual([]);
  });

  it('move places blocks, frames and notes by id, each in its own namespace', () => {
    const after = applyCommand(smallGraphWithAnnotations(), ANNOTATION_COMMANDS.moveAll);
    expect(after.nodes[1]!.position).toEqual({ x: 340, y: 20 });
    expect(after.groups?.[0]?.position).toEqual({ x: -20, y: -20 });
    expect(after.groups?.[0]?.size).toEqual({ width: 560, height: 200 });
    expect(after.notes?.[0]?.position).toEqual({ x: 0, y: 500 });
  });

  it('update changes only the named fields, and nothing when they already hold', () => {
    const graph = smallGraphWithAnnotations();
    const after = applyCommand(graph, ANNOTATION_COMMANDS.retitle);
    expect(after.groups?.[0]).toEqual({ ...graph.groups?.[0], title: 'Inputs' });
    const same = { type: 'updateGroup', id: 'g1', changes: { title: 'Data' } } as const;
    expect(applyCommand(graph, same)).toBe(graph);
    expect(applyCommand(graph, { type: 'updateNote', id: 'nope', changes: { text: 'x' } })).toBe(
      graph,
    );
  });

  for (const [name, command] of Object.entries(ANNOTATION_COMMANDS)) {
    it(`${name}: undo and redo restore the document byte for byte`, () => {
      const store = createDocumentStore(smallGraphWithAnnotations(), FILE);
      const before = serializeGraph(store.getSnapshot().graph);
      expect(store.execute(command)).toBe(true);
      const after = serializeGraph(store.getSnapshot().graph);
      expect(after).not.toBe(before);
      store.undo();
      expect(serializeGraph(store.getSnapshot().graph)).toBe(before);
      store.redo();
      expect(serializeGraph(store.getSnapshot().graph)).toBe(after);
    });
  }
});

describe('undo and redo', () => {
  for (const [name, command] of Object.entries(COMMANDS)) {
    it(`${name}: undo restores the document before, redo the one after, byte for byte`, () => {
      const store = createDocumentStore(smallGraph(), FILE);
      const before = serializeGraph(store.getSnapshot().graph);
      expect(store.execute(command)).toBe(true);
      const after = serializeGraph(store.getSnapshot().graph);
      expect(after).not.toBe(before);
      expect(store.getSnapshot().dirty).toBe(true);
      store.undo();
      expect(serializeGraph(store.getSnapshot().graph)).toBe(before);
      expect(store.getSnapshot().dirty).toBe(false);
      store.redo();
      expect(serializeGraph(store.getSnapshot().graph)).toBe(after);
      expect(store.getSnapshot().dirty).toBe(true);
    });
  }

  it('a sequence of commands undoes step by step back to the start', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    const seen: string[] = [serializeGraph(store.getSnapshot().graph)];
    for (const command of Object.values(COMMANDS)) {
      store.execute(command);
      seen.push(serializeGraph(store.getSnapshot().graph));
    }
    for (let i = seen.length - 2; i >= 0; i -= 1) {
      store.undo();
      expect(serializeGraph(store.getSnapshot().graph)).toBe(seen[i]);
    }
    store.undo(); // nothing left: no change
    expect(serializeGraph(store.getSnapshot().graph)).toBe(seen[0]);
    for (let i = 1; i < seen.length; i += 1) {
      store.redo();
      expect(serializeGraph(store.getSnapshot().graph)).toBe(seen[i]);
    }
  });

  it('a new command after undo drops the redo branch', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    store.execute(COMMANDS.rename);
    store.undo();
    expect(store.getSnapshot().redoLabel).toBe('Rename');
    store.execute(COMMANDS.setParam);
    expect(store.getSnapshot().redoLabel).toBeNull();
    expect(store.getSnapshot().undoLabel).toBe('Set lr');
  });

  it('commands with the same coalesce key are one undo step', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    for (const lr of [0.1, 0.2, 0.3]) {
      store.execute({ type: 'setParam', node: 'adam', param: 'lr', value: lr }, { coalesce: 'lr' });
    }
    expect(store.getSnapshot().graph.nodes[2]!.params.lr).toBe(0.3);
    store.undo();
    expect(store.getSnapshot().graph.nodes[2]!.params.lr).toBe(0.001);
    expect(store.getSnapshot().undoLabel).toBeNull();
  });

  it('a command that changes nothing adds no undo step and leaves the document clean', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    expect(store.execute({ type: 'rename', name: 'Small' })).toBe(false);
    expect(store.getSnapshot().undoLabel).toBeNull();
    expect(store.getSnapshot().dirty).toBe(false);
  });

  it('undo drops deleted ids from the selection, and the history is bounded', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    store.execute(COMMANDS.add, { select: { nodes: ['sgd'], edges: [] } });
    expect(store.getSnapshot().selection.nodes).toEqual(['sgd']);
    store.undo();
    expect(store.getSnapshot().selection.nodes).toEqual([]);
    for (let i = 0; i < HISTORY_LIMIT + 10; i += 1) {
      store.execute({ type: 'rename', name: `n${i}` });
    }
    let steps = 0;
    while (store.getSnapshot().undoLabel) {
      store.undo();
      steps += 1;
    }
    expect(steps).toBe(HISTORY_LIMIT);
  });

  it('saving marks the current document clean; undoing past the save makes it dirty', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    store.execute(COMMANDS.rename);
    store.markSaved({ name: 'x.json', path: '/x.json' });
    expect(store.getSnapshot().dirty).toBe(false);
    store.undo();
    expect(store.getSnapshot().dirty).toBe(true);
    store.redo();
    expect(store.getSnapshot().dirty).toBe(false);
  });

  it('several commands executed together undo as one step', () => {
    const store = createDocumentStore(smallGraph(), FILE);
    const start: GraphDocument = store.getSnapshot().graph;
    store.execute([COMMANDS.rename, COMMANDS.move]);
    store.undo();
    expect(store.getSnapshot().graph).toBe(start);
  });
});
