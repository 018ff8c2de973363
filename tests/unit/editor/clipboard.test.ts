import { describe, expect, it } from 'vitest';
import {
  CLIPBOARD_FORMAT,
  copyBlocks,
  pasteBlocks,
  readClipboardText,
} from '../../../src-shared/editor/clipboard';
import { applyCommand } from '../../../src-shared/editor/commands';
import { validateGraph } from '../../../src-shared/graph';
import { smallGraph } from '../renderer/fixtures';

describe('copyBlocks', () => {
  it('takes the chosen blocks and only the wires between them', () => {
    const payload = copyBlocks(smallGraph(), ['data', 'mlp', 'adam']);
    expect(payload.nodes.map((n) => n.id)).toEqual(['data', 'mlp', 'adam']);
    expect(payload.edges.map((e) => e.id)).toEqual(['e1']);
  });
});

describe('pasteBlocks', () => {
  it('gives fresh ids, remaps the internal wires and shifts positions', () => {
    const graph = smallGraph();
    const payload = copyBlocks(graph, ['data', 'mlp', 'train']);
    const pasted = pasteBlocks(graph, payload, { x: 40, y: 30 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['spiral', 'mlp-2', 'train-2']);
    expect(pasted.nodes.map((n) => n.position)).toEqual([
      { x: 40, y: 30 },
      { x: 340, y: 30 },
      { x: 640, y: 130 },
    ]);
    expect(pasted.edges).toEqual([
      {
        id: 'e7',
        from: { node: 'spiral', port: 'dataset' },
        to: { node: 'mlp-2', port: 'dataset' },
      },
      {
        id: 'e8',
        from: { node: 'spiral', port: 'dataset' },
        to: { node: 'train-2', port: 'dataset' },
      },
      { id: 'e9', from: { node: 'mlp-2', port: 'model' }, to: { node: 'train-2', port: 'model' } },
    ]);
  });

  it('pasting twice never reuses an id, and the result stays a well-formed graph', () => {
    let graph = smallGraph();
    const payload = copyBlocks(
      graph,
      graph.nodes.map((n) => n.id),
    );
    for (let i = 0; i < 2; i += 1) {
      const pasted = pasteBlocks(graph, payload, { x: 0, y: 500 });
      graph = applyCommand(graph, { type: 'add', ...pasted });
    }
    const ids = graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(graph.nodes).toHaveLength(18);
    expect(validateGraph(graph)).toEqual([]);
  });

  it('does not share param lists between the copy and the original', () => {
    const graph = smallGraph();
    const pasted = pasteBlocks(graph, copyBlocks(graph, ['mlp']), { x: 0, y: 0 });
    expect(pasted.nodes[0]!.params.hidden).toEqual(graph.nodes[1]!.params.hidden);
    expect(pasted.nodes[0]!.params.hidden).not.toBe(graph.nodes[1]!.params.hidden);
  });
});

describe('readClipboardText', () => {
  it('round-trips a copied payload through JSON text', () => {
    const payload = copyBlocks(smallGraph(), ['data', 'mlp']);
    expect(readClipboardText(JSON.stringify(payload))).toEqual(payload);
  });

  it('returns null for text that is not copied blocks', () => {
    expect(readClipboardText('hello')).toBeNull();
    expect(readClipboardText('{"format":"something-else","nodes":[],"edges":[]}')).toBeNull();
    expect(
      readClipboardText(`{"format":"${CLIPBOARD_FORMAT}","nodes":[{"id":"x"}],"edges":[]}`),
    ).toBeNull();
  });

  it('drops blocks of unknown types with their wires, and resets bad params', () => {
    const payload = copyBlocks(smallGraph(), ['data', 'mlp', 'adam']);
    const text = JSON.stringify({
      ...payload,
      nodes: [
        { ...payload.nodes[0], type: 'dataset.martian' },
        payload.nodes[1],
        { ...payload.nodes[2], params: { lr: -5, bogus: 1 } },
      ],
    });
    const read = readClipboardText(text)!;
    expect(read.nodes.map((n) => n.id)).toEqual(['mlp', 'adam']);
    expect(read.edges).toEqual([]);
    expect(read.nodes[1]!.params).toEqual({
      lr: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      amsgrad: false,
    });
  });
});
