/** Saving: every param explicit, stable key order, byte-identical round trips. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type GraphDocument,
  parseGraph,
  parseGraphText,
  serializeGraph,
} from '../../../src-shared/graph/index';
import { dataGraph, surfaceGraph } from './graphs';

const EXAMPLES = join(__dirname, '../../../resources/examples');

describe('serializeGraph', () => {
  it('every example round-trips byte for byte through parse -> serialize', () => {
    const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const text = readFileSync(join(EXAMPLES, file), 'utf8');
      const result = parseGraphText(text);
      expect(result.ok, file).toBe(true);
      if (result.ok) expect(serializeGraph(result.graph), file).toBe(text);
    }
  });

  it('writes every param, in catalog order, whatever order they were read in', () => {
    const raw = surfaceGraph();
    raw.nodes[1]!.params = { amsgrad: true, lr: 0.05 };
    const result = parseGraph(raw);
    if (!result.ok) throw new Error('invalid');
    const text = serializeGraph(result.graph);
    expect(text).toContain(
      [
        '      "params": {',
        '        "lr": 0.05,',
        '        "beta1": 0.9,',
        '        "beta2": 0.999,',
        '        "eps": 1e-8,',
        '        "amsgrad": true',
        '      },',
      ].join('\n'),
    );
  });

  it('has a fixed layout: document keys in schema order, 2-space indent, trailing newline', () => {
    const raw = surfaceGraph();
    raw.nodes = raw.nodes.slice(0, 1);
    raw.edges = [];
    raw.nodes[0]!.params = { start: [1, -2] };
    const result = parseGraph(raw);
    if (!result.ok) throw new Error('invalid');
    // Key order comes from the serializer, not from the object it is given.
    const { format, version, name, nodes } = result.graph;
    const reordered: GraphDocument = { edges: [], nodes, name, version, format };
    const expected = [
      '{',
      '  "format": "gradient-atlas/graph",',
      '  "version": 2,',
      '  "name": "Test",',
      '  "nodes": [',
      '    {',
      '      "id": "surface",',
      '      "type": "model.surface",',
      '      "params": {',
      '        "fn": "rosenbrock",',
      '        "start": [1, -2]',
      '      },',
      '      "position": { "x": 0, "y": 0 }',
      '    }',
      '  ],',
      '  "edges": []',
      '}',
      '',
    ].join('\n');
    expect(serializeGraph(result.graph)).toBe(expected);
    expect(serializeGraph(reordered)).toBe(expected);
  });

  it('writes one edge per line and keeps groups and notes', () => {
    const raw = dataGraph();
    raw.groups = [
      {
        id: 'g',
        title: 'Data',
        nodes: ['data'],
        position: { x: -10, y: -10 },
        size: { width: 200, height: 120 },
      },
    ];
    raw.notes = [{ id: 'n', text: 'Line one\nline "two"', position: { x: 5, y: 5 } }];
    const result = parseGraph(raw);
    if (!result.ok) throw new Error('invalid');
    const text = serializeGraph(result.graph);
    expect(text).toContain(
      '    { "id": "e1", "from": { "node": "data", "port": "dataset" }, "to": { "node": "train", "port": "dataset" } },\n',
    );
    expect(text).toContain('      "nodes": ["data"],\n');
    expect(text).toContain('      "text": "Line one\\nline \\"two\\"",\n');
    const again = parseGraphText(text);
    expect(again.ok && serializeGraph(again.graph)).toBe(text);
    expect(again.ok && again.graph).toEqual(result.graph);
  });
});
