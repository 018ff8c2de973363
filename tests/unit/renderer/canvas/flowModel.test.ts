import { describe, expect, it } from 'vitest';
import {
  problemsByNode,
  toFlowEdges,
  toFlowNodes,
} from '../../../../src-renderer/canvas/flowModel';
import { portColor } from '../../../../src-renderer/canvas/kindColors';
import { smallGraph } from '../fixtures';

const NONE = { nodes: [], edges: [] };

describe('toFlowNodes', () => {
  it('draws one node per document node, at its position, with title, summary and ports', () => {
    const graph = smallGraph();
    const nodes = toFlowNodes(graph, NONE, []);
    expect(nodes.map((node) => node.id)).toEqual(graph.nodes.map((node) => node.id));
    const adam = nodes.find((node) => node.id === 'adam')!;
    expect(adam.position).toEqual({ x: 300, y: 200 });
    expect(adam.data.title).toBe('Adam');
    expect(adam.data.kind).toBe('optimizer');
    expect(adam.data.summary).toBe('Adam · lr 1e-3');
    expect(adam.data.inputs.map((port) => [port.name, port.type])).toEqual([['lr', 'lr']]);
    expect(adam.data.outputs[0]).toMatchObject({
      name: 'optimizer',
      type: 'optimizer',
      color: portColor('optimizer'),
    });
    const train = nodes.find((node) => node.id === 'train')!;
    expect(train.data.inputs.map((port) => [port.name, port.required])).toEqual([
      ['dataset', false],
      ['model', true],
      ['optimizer', true],
    ]);
  });

  it('marks selected nodes', () => {
    const nodes = toFlowNodes(smallGraph(), { nodes: ['mlp'], edges: [] }, []);
    expect(nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['mlp']);
  });

  it('shows an unknown type by its name, with no ports', () => {
    const graph = smallGraph();
    graph.nodes[0]!.type = 'dataset.martian';
    const [data] = toFlowNodes(graph, NONE, []);
    expect(data!.data.title).toBe('dataset.martian');
    expect(data!.data.kind).toBe('unknown');
    expect(data!.data.outputs).toEqual([]);
  });
});

describe('problemsByNode', () => {
  it('assigns node problems by index and edge problems to the edge target', () => {
    const graph = smallGraph();
    const byNode = problemsByNode(graph, [
      { path: 'nodes[2].params.lr', message: 'must be > 0, got -1' },
      { path: 'edges[5].to.port', message: 'no such port' },
      { path: '', message: 'whole-document problem' },
    ]);
    expect(Object.fromEntries(byNode)).toEqual({
      adam: ['"lr" must be > 0, got -1'],
      chart: ['no such port'],
    });
  });
});

describe('toFlowEdges', () => {
  it('joins the named handles and colours each wire by its port type', () => {
    const edges = toFlowEdges(smallGraph(), { nodes: [], edges: ['e4'] });
    expect(edges).toHaveLength(6);
    const e4 = edges.find((edge) => edge.id === 'e4')!;
    expect(e4).toMatchObject({
      source: 'adam',
      sourceHandle: 'optimizer',
      target: 'train',
      targetHandle: 'optimizer',
      selected: true,
      style: { stroke: portColor('optimizer') },
    });
  });
});
