import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraphText, serializeGraph } from '../../../src-shared/graph';

const quickstart = JSON.parse(readFileSync('resources/examples/quickstart.json', 'utf8'));

describe('parseGraphText with allowIncomplete (editor drafts)', () => {
  it('loads a half-built graph and reports what is missing, where the strict parse refuses it', () => {
    const train = quickstart.nodes.findIndex((n: { type: string }) => n.type === 'train');
    const draft = {
      ...quickstart,
      edges: quickstart.edges.filter(
        (e: { to: { node: string; port: string } }) =>
          !(e.to.node === quickstart.nodes[train].id && e.to.port === 'optimizer'),
      ),
    };
    const text = JSON.stringify(draft);
    const strict = parseGraphText(text);
    expect(strict.ok).toBe(false);
    const lenient = parseGraphText(text, { allowIncomplete: true });
    expect(lenient.ok).toBe(true);
    if (!lenient.ok) return;
    expect(lenient.problems).toEqual(strict.ok ? [] : strict.problems);
    expect(lenient.problems!.some((p) => p.path.startsWith(`nodes[${train}]`))).toBe(true);
    // and it saves back as it was loaded
    expect(parseGraphText(serializeGraph(lenient.graph), { allowIncomplete: true }).ok).toBe(true);
  });

  it('resets a bad value to its default but still reports it', () => {
    const bad = structuredClone(quickstart);
    const opt = bad.nodes.findIndex((n: { type: string }) => n.type === 'optimizer.adam');
    bad.nodes[opt].params.lr = -1;
    const result = parseGraphText(JSON.stringify(bad), { allowIncomplete: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.graph.nodes[opt]!.params.lr).toBe(0.001);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ path: `nodes[${opt}].params.lr` }),
    );
  });

  it('still refuses unknown block types and broken structure', () => {
    const unknown = structuredClone(quickstart);
    unknown.nodes[0].type = 'dataset.imagenet';
    expect(parseGraphText(JSON.stringify(unknown), { allowIncomplete: true }).ok).toBe(false);
    expect(
      parseGraphText(
        '{"format":"gradient-atlas/graph","version":1,"name":"x","nodes":[{}],"edges":[]}',
        { allowIncomplete: true },
      ).ok,
    ).toBe(false);
  });
});
