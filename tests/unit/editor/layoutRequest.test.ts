import { describe, expect, it } from 'vitest';
import { layoutPositions, layoutRequest } from '../../../src-shared/editor/layout-request';
import { smallGraph } from '../renderer/fixtures';

describe('layoutRequest (auto-layout as data, without ELK)', () => {
  it('asks for the chosen blocks with their sizes and only the wires between them', () => {
    const graph = smallGraph();
    const request = layoutRequest(graph, ['data', 'mlp', 'adam'], (id) =>
      id === 'mlp' ? { width: 240, height: 120 } : undefined,
    );
    expect(request?.children).toEqual([
      { id: 'data', width: 200, height: 96 },
      { id: 'mlp', width: 240, height: 120 },
      { id: 'adam', width: 200, height: 96 },
    ]);
    expect(request?.edges).toEqual([{ id: 'e1', sources: ['data'], targets: ['mlp'] }]);
    expect(request?.layoutOptions['elk.direction']).toBe('RIGHT');
  });

  it('asks for every block when none is chosen, and for nothing in an empty graph', () => {
    const graph = smallGraph();
    expect(layoutRequest(graph, [], () => undefined)?.children).toHaveLength(graph.nodes.length);
    expect(layoutRequest({ ...graph, nodes: [], edges: [] }, [], () => undefined)).toBeNull();
  });

  it("keeps the layout's top-left corner where the blocks' was, snapped to the grid", () => {
    const graph = smallGraph();
    graph.nodes.find((node) => node.id === 'data')!.position = { x: 100, y: 60 };
    graph.nodes.find((node) => node.id === 'mlp')!.position = { x: 400, y: 300 };
    const positions = layoutPositions(graph, ['data', 'mlp'], {
      children: [
        { id: 'data', x: 12, y: 12 },
        { id: 'mlp', x: 303, y: 47 },
      ],
    });
    expect(positions).toEqual({ data: { x: 100, y: 60 }, mlp: { x: 400, y: 100 } });
  });
});
