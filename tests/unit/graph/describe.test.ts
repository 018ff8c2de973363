/**
 * Problems in the words of the blocks: a missing Train block is named once, with the palette
 * entry that adds it, and the problems that follow from it fold under it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeProblem,
  factsFromJson,
  foldedSummary,
  foldProblems,
  formatDescribed,
  parseGraph,
  problemLines,
  validateGraph,
} from '../../../src-shared/graph/index';
import { dataGraph, edge, node, surfaceGraph } from './graphs';

const quickstart = () =>
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '../../../resources/examples/quickstart.json'),
      'utf8',
    ),
  );

describe('a missing block', () => {
  it('the quickstart without its Train block: Train named once, five problems folded under it', () => {
    const raw = quickstart();
    const train = raw.nodes.findIndex((n: { type: string }) => n.type === 'train');
    const id = raw.nodes[train].id;
    raw.nodes.splice(train, 1);
    raw.edges = raw.edges.filter(
      (e: { from: { node: string }; to: { node: string } }) =>
        e.from.node !== id && e.to.node !== id,
    );
    const result = parseGraph(raw, { allowIncomplete: true });
    if (!result.ok) throw new Error('a draft without Train still loads');
    const problems = result.problems ?? [];
    const missing = problems.filter((p) => p.missingBlock);
    expect(missing).toEqual([
      {
        path: '',
        message: "the graph has no Train block: add Train from the palette's train group",
        missingBlock: 'train',
      },
    ]);
    const dependents = problems.filter((p) => p.because === 'train');
    expect(dependents.length).toBe(problems.length - 1);
    expect(
      dependents.every((p) => /the "runs?" input needs a wire \(a run\)$/.test(p.message)),
    ).toBe(true);
    const folded = foldProblems(problems);
    expect(folded).toHaveLength(1);
    expect(folded[0]!.folded).toHaveLength(dependents.length);
    expect(foldedSummary(folded[0]!)).toBe(`${dependents.length} more because Train is missing`);
    expect(problemLines(result.graph, problems)).toEqual([
      `the graph has no Train block: add Train from the palette's train group (${dependents.length} more because Train is missing)`,
    ]);
  });

  it('a missing optimizer names one optimizer to add; a present one is never called missing', () => {
    const raw = surfaceGraph();
    raw.nodes.splice(1, 1);
    raw.edges.splice(1, 1);
    const result = parseGraph(raw);
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toEqual([
      {
        path: '',
        message:
          "the graph has no optimizer block: add one, such as SGD, from the palette's optimizer group",
        missingBlock: 'optimizer.sgd',
      },
      {
        path: 'nodes[1]',
        message: 'Train "train" (train): the "optimizer" input needs a wire (an optimizer)',
        because: 'optimizer.sgd',
      },
    ]);
    // With an unwired optimizer in the graph, the wire is what is missing, not a block.
    raw.nodes.push(node('adam', 'optimizer.adam'));
    const again = parseGraph(raw);
    if (again.ok) throw new Error('expected problems');
    expect(again.problems.map((p) => p.missingBlock ?? p.because ?? null)).toEqual([null]);
  });

  it('a graph with no problems folds to nothing, and an empty graph has none', () => {
    expect(foldProblems([])).toEqual([]);
    const empty = parseGraph({ ...dataGraph(), nodes: [], edges: [] });
    expect(empty.ok && validateGraph(empty.graph)).toEqual([]);
  });
});

describe('describing one problem', () => {
  const graph = { nodes: [{ id: 'adam', type: 'optimizer.adam' }], edges: [] };

  it('a param: block title, id and type, then the param', () => {
    const described = describeProblem(graph, {
      path: 'nodes[0].params.lr',
      message: 'must be > 0, got -1',
    });
    expect(described).toMatchObject({
      nodeId: 'adam',
      detail: '"lr" must be > 0, got -1',
      text: 'Adam "adam" (optimizer.adam): "lr" must be > 0, got -1',
    });
    expect(formatDescribed(graph, described.problem)).toBe(
      'nodes[0].params.lr: Adam "adam" (optimizer.adam): "lr" must be > 0, got -1',
    );
  });

  it('a message that already names its block is not named twice', () => {
    const message = 'Adam "adam" (optimizer.adam): the "lr" input needs a wire (an lr)';
    const described = describeProblem(graph, { path: 'nodes[0]', message });
    expect(described.text).toBe(message);
    expect(described.detail).toBe('the "lr" input needs a wire (an lr)');
  });

  it('an edge problem points at the block the wire feeds', () => {
    const facts = factsFromJson({
      nodes: [{ id: 'a', type: 'train' }, { id: 7 }],
      edges: [{ to: { node: 'a' } }, 'junk'],
    });
    expect(facts.nodes[1]).toBeUndefined();
    expect(describeProblem(facts, { path: 'edges[0]', message: 'x' }).nodeId).toBe('a');
    expect(describeProblem(facts, { path: 'edges[1]', message: 'x' }).nodeId).toBeUndefined();
    expect(describeProblem(facts, { path: 'nodes[1].id', message: 'x' }).text).toBe('x');
  });

  it('keeps the CLI line parseable as `<json path>: <message>`', () => {
    const raw = dataGraph();
    raw.edges.splice(1, 1);
    raw.nodes.push(node('sgd2', 'optimizer.sgd', { lr: -1 }));
    raw.edges.push(edge('e9', 'mlp', 'model', 'train', 'model'));
    raw.edges.splice(-1, 1);
    const result = parseGraph(raw);
    if (result.ok) throw new Error('expected problems');
    const facts = factsFromJson(raw);
    const lines = result.problems.map((p) => formatDescribed(facts, p));
    expect(lines).toEqual([
      'nodes[3]: Train "train" (train): the "model" input needs a wire (a model)',
      'nodes[6].params.lr: SGD "sgd2" (optimizer.sgd): "lr" must be > 0 and ≤ 1000, got -1',
    ]);
    for (const line of lines) expect(line).toMatch(/^nodes\[\d+\](\.[\w.[\]]+)?: /);
  });
});
