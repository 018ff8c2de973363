import { describe, expect, it } from 'vitest';
import { checkConnection } from '../../../src-shared/editor/wires';
import { acceptingPorts, getBlock, portKey, validateGraph } from '../../../src-shared/graph';
import { edge, node, smallGraph } from '../renderer/fixtures';

const attempt = (source: string, sourcePort: string, target: string, targetPort: string) => ({
  source,
  sourcePort,
  target,
  targetPort,
});

describe('checkConnection', () => {
  it('accepts an output into an input of the same type, with a fresh edge id', () => {
    const graph = smallGraph();
    graph.nodes.push(node('cos', 'schedule.cosine'));
    const check = checkConnection(graph, attempt('cos', 'lr', 'adam', 'lr'));
    expect(check).toEqual({
      ok: true,
      edge: edge('e7', 'cos', 'lr', 'adam', 'lr'),
      replaces: [],
    });
  });

  it('refuses ports of different types, naming both', () => {
    const check = checkConnection(smallGraph(), attempt('data', 'dataset', 'train', 'model'));
    expect(check).toEqual({
      ok: false,
      reason: `Spiral's "dataset" (dataset) cannot feed Train's "model" (model): the types differ`,
    });
  });

  it('refuses a wire from an input or into an output', () => {
    const graph = smallGraph();
    expect(checkConnection(graph, attempt('train', 'model', 'loss', 'run')).ok).toBe(false);
    expect(checkConnection(graph, attempt('train', 'run', 'loss', 'series')).ok).toBe(false);
  });

  it('refuses a duplicate wire and a wire to a missing block', () => {
    const graph = smallGraph();
    expect(checkConnection(graph, attempt('data', 'dataset', 'mlp', 'dataset'))).toEqual({
      ok: false,
      reason: 'these ports are already connected',
    });
    expect(checkConnection(graph, attempt('ghost', 'dataset', 'mlp', 'dataset')).ok).toBe(false);
  });

  it('replaces the old wire of a single input', () => {
    const graph = smallGraph();
    graph.nodes.push(node('sgd', 'optimizer.sgd'));
    const check = checkConnection(graph, attempt('sgd', 'optimizer', 'train', 'optimizer'));
    expect(check.ok && check.replaces).toEqual(['e4']);
  });

  it('keeps the other wires of a multiple input', () => {
    const graph = smallGraph();
    graph.nodes.push(node('acc', 'metric.accuracy'));
    graph.edges.push(edge('e7', 'train', 'run', 'acc', 'run'));
    const check = checkConnection(graph, attempt('acc', 'series', 'chart', 'series'));
    expect(check.ok && check.replaces).toEqual([]);
  });

  it('allows a loop closed through a feedback input, and refuses a block feeding itself', () => {
    const graph = smallGraph();
    graph.nodes.push(node('plateau', 'schedule.plateau'));
    graph.edges.push(edge('e7', 'plateau', 'lr', 'adam', 'lr'));
    // loss depends on plateau (plateau -> adam -> train -> loss); plateau.metric is feedback.
    const feedback = checkConnection(graph, attempt('loss', 'series', 'plateau', 'metric'));
    expect(feedback.ok).toBe(true);
    if (feedback.ok) graph.edges.push(feedback.edge);
    expect(validateGraph(graph)).toEqual([]);
    // The catalog has no other way back upstream (every port type flows one way), so the
    // only other loop a person can try is a block into itself.
    expect(checkConnection(graph, attempt('mlp', 'model', 'mlp', 'dataset'))).toEqual({
      ok: false,
      reason: 'a block cannot feed itself',
    });
  });
});

describe('acceptingPorts (what lights up while a wire is dragged)', () => {
  it("from Adam's optimizer output: the optimizer input of the Train it does not feed yet", () => {
    const graph = smallGraph();
    graph.nodes.push(node('train2', 'train'), node('cos', 'schedule.cosine'));
    expect([...acceptingPorts(graph, { node: 'adam', port: 'optimizer', side: 'out' })]).toEqual([
      portKey('train2', 'optimizer'),
    ]);
    graph.nodes.push(node('sgd', 'optimizer.sgd'));
    // A single input already wired still takes a new wire (it replaces the old one).
    expect(acceptingPorts(graph, { node: 'sgd', port: 'optimizer', side: 'out' }).size).toBe(2);
  });

  it("into Adam's lr input: every schedule's lr output, nothing of another type", () => {
    const graph = smallGraph();
    graph.nodes.push(node('cos', 'schedule.cosine'), node('step', 'schedule.step'));
    expect([...acceptingPorts(graph, { node: 'adam', port: 'lr', side: 'in' })].sort()).toEqual(
      [portKey('cos', 'lr'), portKey('step', 'lr')].sort(),
    );
  });

  it('an already connected pair and the block itself do not light up', () => {
    const graph = smallGraph();
    const accepting = acceptingPorts(graph, { node: 'data', port: 'dataset', side: 'out' });
    expect(accepting.has(portKey('mlp', 'dataset'))).toBe(false);
    expect(accepting.has(portKey('train', 'dataset'))).toBe(false);
    expect(accepting.size).toBe(0);
  });
});

describe('checkWire agrees with validation', () => {
  it('every output into every input: allowed exactly when the document stays free of edge problems', () => {
    const graph = smallGraph();
    graph.nodes.push(
      node('plateau', 'schedule.plateau'),
      node('sgd', 'optimizer.sgd'),
      node('acc', 'metric.accuracy'),
    );
    graph.edges.push(edge('e7', 'plateau', 'lr', 'sgd', 'lr'));
    expect(validateGraph(graph).filter((p) => p.path.startsWith('edges'))).toEqual([]);
    let allowed = 0;
    for (const from of graph.nodes) {
      for (const to of graph.nodes) {
        const fromBlock = getBlock(from.type)!;
        const toBlock = getBlock(to.type)!;
        for (const out of fromBlock.outputs) {
          for (const input of toBlock.inputs) {
            const check = checkConnection(graph, attempt(from.id, out.name, to.id, input.name));
            const kept = graph.edges.filter((e) => !(check.ok && check.replaces.includes(e.id)));
            const wired = {
              ...graph,
              edges: [...kept, edge('new', from.id, out.name, to.id, input.name)],
            };
            const edgeProblems = validateGraph(wired).filter((p) => p.path.startsWith('edges'));
            expect({
              wire: `${from.id}.${out.name} → ${to.id}.${input.name}`,
              ok: check.ok,
            }).toEqual({
              wire: `${from.id}.${out.name} → ${to.id}.${input.name}`,
              ok: edgeProblems.length === 0,
            });
            if (check.ok) allowed++;
          }
        }
      }
    }
    expect(allowed).toBeGreaterThan(5);
  });
});
