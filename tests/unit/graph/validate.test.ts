/**
 * Every semantic rule with a failing example: the exact path and message of each problem.
 * (Structure, limits and versions are in parse.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import {
  type GraphDocument,
  type Problem,
  parseGraph,
  validateGraph,
} from '../../../src-shared/graph/index';
import type { PortSpec } from '../../../src-shared/graph/ports';
import type { NodeEntry, ResolvedEdge } from '../../../src-shared/graph/validate/context';
import { checkCycles } from '../../../src-shared/graph/validate/cycles';
import { dataGraph, edge, graph, node, type RawGraph, surfaceGraph } from './graphs';

function problemsOf(raw: RawGraph): Problem[] {
  const result = parseGraph(raw);
  if (result.ok) throw new Error('expected problems, the graph is valid');
  return result.problems;
}

function valid(raw: RawGraph): GraphDocument {
  const result = parseGraph(raw);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.graph;
}

describe('the base graphs', () => {
  it('are valid', () => {
    expect(valid(dataGraph()).nodes).toHaveLength(6);
    expect(valid(surfaceGraph()).nodes).toHaveLength(3);
  });

  it('an empty graph is valid (a new document)', () => {
    expect(valid(graph([], [])).nodes).toEqual([]);
  });
});

describe('nodes', () => {
  it('unknown type, with a suggestion', () => {
    const raw = surfaceGraph();
    raw.nodes[1]!.type = 'optimizer.adm';
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[1].type',
        message: 'unknown block type "optimizer.adm" (did you mean "optimizer.adam"?)',
      },
      {
        path: 'nodes[2]',
        message: 'Train "train" (train): the "optimizer" input needs a wire (an optimizer)',
      },
    ]);
  });

  it('unknown type without a close match', () => {
    const raw = surfaceGraph();
    raw.nodes[1]!.type = 'quantum.annealer';
    expect(problemsOf(raw)[0]).toEqual({
      path: 'nodes[1].type',
      message: 'unknown block type "quantum.annealer"',
    });
  });

  it('duplicate id', () => {
    const raw = dataGraph();
    raw.nodes.push(node('loss', 'metric.accuracy'));
    expect(problemsOf(raw)).toEqual([
      { path: 'nodes[6].id', message: 'duplicate id "loss" (first used by nodes[4])' },
    ]);
  });
});

describe('params', () => {
  const withParams = (params: RawGraph['nodes'][number]['params']): RawGraph => {
    const raw = surfaceGraph();
    raw.nodes[1]!.params = params;
    return raw;
  };

  it('out of range: lr must be > 0', () => {
    expect(problemsOf(withParams({ lr: -1 }))).toEqual([
      { path: 'nodes[1].params.lr', message: 'must be > 0 and ≤ 1000, got -1' },
    ]);
  });

  it('wrong type', () => {
    expect(problemsOf(withParams({ lr: '0.01', amsgrad: 'yes' }))).toEqual([
      { path: 'nodes[1].params.lr', message: 'must be a number > 0 and ≤ 1000, got "0.01"' },
      { path: 'nodes[1].params.amsgrad', message: 'must be true or false, got "yes"' },
    ]);
  });

  it('unknown param, with a suggestion or the list of params', () => {
    expect(problemsOf(withParams({ beta3: 0.9, colour: 'red' }))).toEqual([
      {
        path: 'nodes[1].params.beta3',
        message: 'unknown param of optimizer.adam (did you mean "beta1"?)',
      },
      {
        path: 'nodes[1].params.colour',
        message: 'unknown param of optimizer.adam (its params: lr, beta1, beta2, eps, amsgrad)',
      },
    ]);
  });

  it('absurd memory: a hidden layer of 1e9 units is refused by its range', () => {
    const raw = dataGraph();
    raw.nodes[1]!.params = { hidden: [32, 1e9] };
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[1].params.hidden[1]',
        message: 'must be an integer between 1 and 4096, got 1e9',
      },
    ]);
  });

  it('absurd memory: weights between hidden layers are bounded too', () => {
    const raw = dataGraph();
    raw.nodes[1]!.params = { hidden: [4096, 4096, 4096] };
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[1].params.hidden',
        message: 'needs 33554432 weights between hidden layers; the limit is 16777216',
      },
    ]);
  });

  it('list length, list type, enum, integer, string length, point', () => {
    const raw = dataGraph();
    raw.nodes[1]!.params = { hidden: [1, 2, 3, 4, 5, 6, 7, 8, 9], activation: 'elu' };
    raw.nodes[0]!.params = { samples: 1e6 };
    raw.nodes.push(node('csv', 'dataset.csv', { path: 'x'.repeat(5000), target: 3 }));
    raw.nodes.push(node('s', 'model.surface', { start: [0, 1e6], fn: 'sphere' }));
    raw.nodes.push(node('cnn', 'model.cnn', { channels: 'wide', kernel: 2.5 }));
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[0].params.samples',
        message: 'must be an integer between 10 and 100000, got 1e6',
      },
      { path: 'nodes[1].params.hidden', message: 'must have between 0 and 8 items, got 9' },
      {
        path: 'nodes[1].params.activation',
        message: 'must be one of "relu", "tanh", "sigmoid" or "gelu", got "elu"',
      },
      { path: 'nodes[6].params.path', message: 'must be at most 4096 characters, got 5000' },
      { path: 'nodes[6].params.target', message: 'must be a string, got 3' },
      {
        path: 'nodes[7].params.fn',
        message:
          'must be one of "quadratic", "rosenbrock", "beale", "himmelblau", "saddle", "rastrigin", "booth", "matyas", "sixHumpCamel", "monkeySaddle", "ackley", "ravine" or "plateau", got "sphere"',
      },
      { path: 'nodes[7].params.start[1]', message: 'must be between -100 and 100, got 1e6' },
      {
        path: 'nodes[8].params.channels',
        message: 'must be a list of 1 to 4 integers between 1 and 128, got "wide"',
      },
      { path: 'nodes[8].params.kernel', message: 'must be an integer between 1 and 7, got 2.5' },
    ]);
  });

  it('nullable: maxSteps takes null or an integer', () => {
    const raw = surfaceGraph();
    raw.nodes[2]!.params = { maxSteps: null };
    expect(valid(raw).nodes[2]!.params.maxSteps).toBeNull();
    raw.nodes[2]!.params = { maxSteps: 0 };
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[2].params.maxSteps',
        message: 'must be null or an integer between 1 and 1e6, got 0',
      },
    ]);
  });

  it('null is refused where the param is not nullable', () => {
    expect(problemsOf(withParams({ lr: null }))).toEqual([
      { path: 'nodes[1].params.lr', message: 'must be a number > 0 and ≤ 1000, got null' },
    ]);
  });

  it('rules across params: nesterov needs momentum', () => {
    const raw = dataGraph();
    raw.nodes[2]!.params = { nesterov: true };
    expect(problemsOf(raw)).toEqual([
      { path: 'nodes[2].params.nesterov', message: 'needs momentum > 0 (as torch.optim.SGD)' },
    ]);
  });

  it('rules across params: milestones increase, landscape work is bounded, CSV has a path', () => {
    const raw = dataGraph();
    raw.nodes.push(node('ms', 'schedule.multistep', { milestones: [200, 100] }));
    raw.nodes.push(node('view', 'view.landscape', { grid: 401, evalSamples: 100000 }));
    raw.nodes.push(node('csv', 'dataset.csv'));
    raw.edges.push(edge('e6', 'train', 'run', 'view', 'runs'));
    const problems = problemsOf(raw);
    expect(problems).toEqual([
      { path: 'nodes[6].params.milestones', message: 'must be strictly increasing' },
      {
        path: 'nodes[7].params.evalSamples',
        message:
          '401×401 grid points × 100000 samples is 1.608e10 loss evaluations; the limit is 1.074e9',
      },
      { path: 'nodes[8].params.path', message: 'choose a CSV file' },
    ]);
  });
});

describe('edges', () => {
  it('dangling ends', () => {
    const raw = dataGraph();
    raw.edges[3] = edge('e4', 'trian', 'run', 'los', 'run');
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[4]',
        message: 'Loss "loss" (metric.loss): the "run" input needs a wire (a run)',
      },
      { path: 'edges[3].from.node', message: 'no node with id "trian"' },
      { path: 'edges[3].to.node', message: 'no node with id "los"' },
    ]);
  });

  it('unknown ports and ports used in the wrong direction', () => {
    const raw = dataGraph();
    raw.edges[3] = edge('e4', 'train', 'dataset', 'loss', 'runs');
    raw.edges[4] = edge('e5', 'loss', 'serie', 'chart', 'out');
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[4]',
        message: 'Loss "loss" (metric.loss): the "run" input needs a wire (a run)',
      },
      {
        path: 'nodes[5]',
        message: 'Chart "chart" (view.chart): the "series" input needs a wire (a series)',
      },
      {
        path: 'edges[3].from.port',
        message:
          '"dataset" is an input of Train "train" (train); an edge starts at an output (its outputs: "run")',
      },
      {
        path: 'edges[3].to.port',
        message: 'Loss "loss" (metric.loss) has no input "runs" (did you mean "run"?)',
      },
      {
        path: 'edges[4].from.port',
        message: 'Loss "loss" (metric.loss) has no output "serie" (did you mean "series"?)',
      },
      {
        path: 'edges[4].to.port',
        message: 'Chart "chart" (view.chart) has no input "out" (its inputs: "series")',
      },
    ]);
  });

  it('a port of a block without outputs', () => {
    const raw = dataGraph();
    raw.edges.push(edge('e6', 'chart', 'series', 'loss', 'run'));
    expect(problemsOf(raw)[0]).toEqual({
      path: 'edges[5].from.port',
      message:
        '"series" is an input of Chart "chart" (view.chart); an edge starts at an output (it has no outputs)',
    });
  });

  it('port type mismatch', () => {
    const raw = dataGraph();
    raw.edges[2] = edge('e3', 'mlp', 'model', 'train', 'optimizer');
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[3]',
        message: 'Train "train" (train): the "optimizer" input needs a wire (an optimizer)',
      },
      {
        path: 'edges[2]',
        message:
          'port types differ: MLP "mlp" (model.mlp) output "model" gives a model, Train "train" (train) input "optimizer" takes an optimizer',
      },
    ]);
  });

  it('two edges into a single-input port', () => {
    const raw = dataGraph();
    raw.nodes.push(node('adam', 'optimizer.adam'));
    raw.edges.push(edge('e6', 'adam', 'optimizer', 'train', 'optimizer'));
    expect(problemsOf(raw)).toEqual([
      {
        path: 'edges[5].to',
        message:
          'input "optimizer" of Train "train" (train) takes one edge, and edges[2] already connects it',
      },
    ]);
  });

  it('many edges into a multiple input are fine; the same connection twice is not', () => {
    const raw = dataGraph();
    raw.nodes.push(node('acc', 'metric.accuracy'));
    raw.edges.push(edge('e6', 'train', 'run', 'acc', 'run'));
    raw.edges.push(edge('e7', 'acc', 'series', 'chart', 'series'));
    expect(valid(raw).edges).toHaveLength(7);
    raw.edges.push(edge('e8', 'acc', 'series', 'chart', 'series'));
    expect(problemsOf(raw)).toEqual([
      { path: 'edges[7]', message: 'repeats the connection of edges[6]' },
    ]);
  });

  it('duplicate edge id', () => {
    const raw = dataGraph();
    raw.edges[4]!.id = 'e1';
    expect(problemsOf(raw)).toEqual([
      { path: 'edges[4].id', message: 'duplicate id "e1" (first used by edges[0])' },
    ]);
  });

  it('outputs fan out: one dataset and one model shared by several train blocks', () => {
    const raw = dataGraph();
    raw.nodes.push(node('adam', 'optimizer.adam'), node('train2', 'train'));
    raw.edges.push(
      edge('e6', 'data', 'dataset', 'train2', 'dataset'),
      edge('e7', 'mlp', 'model', 'train2', 'model'),
      edge('e8', 'adam', 'optimizer', 'train2', 'optimizer'),
      edge('e9', 'data', 'dataset', 'mlp', 'dataset'),
    );
    expect(valid(raw).edges).toHaveLength(9);
  });
});

describe('required inputs and connection rules', () => {
  it('missing required input', () => {
    const raw = dataGraph();
    raw.edges.splice(1, 1);
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[3]',
        message: 'Train "train" (train): the "model" input needs a wire (a model)',
      },
    ]);
  });

  it('a train block whose model learns from data needs a dataset', () => {
    const raw = dataGraph();
    raw.edges.splice(0, 1);
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[3]',
        message:
          'Train "train" (train): the "dataset" input needs a wire (its model MLP "mlp" (model.mlp) learns from data)',
      },
    ]);
  });

  it('a train block on model.surface takes no dataset', () => {
    const raw = surfaceGraph();
    raw.nodes.push(node('data', 'dataset.xor'));
    raw.edges.push(edge('e3', 'data', 'dataset', 'train', 'dataset'));
    expect(problemsOf(raw)).toEqual([
      {
        path: 'edges[2]',
        message:
          'Surface "surface" (model.surface) has no data, so Train "train" (train) takes no dataset; remove this edge',
      },
    ]);
  });

  it('model.surface has no dataset input at all', () => {
    const raw = surfaceGraph();
    raw.nodes.push(node('data', 'dataset.xor'));
    raw.edges.push(edge('e3', 'data', 'dataset', 'surface', 'dataset'));
    expect(problemsOf(raw)).toEqual([
      {
        path: 'edges[2].to.port',
        message: 'Surface "surface" (model.surface) has no input "dataset" (it has no inputs)',
      },
    ]);
  });

  it('accuracy and validation metrics need classes and a validation split', () => {
    const raw = surfaceGraph();
    raw.nodes.push(node('acc', 'metric.accuracy'), node('val', 'metric.valLoss'));
    raw.edges.push(
      edge('e3', 'train', 'run', 'acc', 'run'),
      edge('e4', 'train', 'run', 'val', 'run'),
    );
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[3]',
        message:
          'Accuracy "acc" (metric.accuracy): its run Train "train" (train) minimizes Surface "surface" (model.surface), which has no classes',
      },
      {
        path: 'nodes[4]',
        message:
          'Validation loss "val" (metric.valLoss): its run Train "train" (train) minimizes Surface "surface" (model.surface), which has no validation split',
      },
    ]);
  });

  it('accuracy on a regression dataset', () => {
    const raw = dataGraph();
    raw.nodes[0]!.type = 'dataset.regression';
    raw.nodes.push(node('acc', 'metric.valAccuracy'));
    raw.edges.push(edge('e6', 'train', 'run', 'acc', 'run'));
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[6]',
        message:
          'Validation accuracy "acc" (metric.valAccuracy): its run Train "train" (train) fits Regression "data" (dataset.regression), which has no classes',
      },
    ]);
  });

  it('runs on one landscape share one model and one dataset', () => {
    const raw = dataGraph();
    raw.nodes.push(
      node('mlp2', 'model.mlp'),
      node('train2', 'train'),
      node('view', 'view.landscape'),
    );
    raw.edges.push(
      edge('e6', 'data', 'dataset', 'train2', 'dataset'),
      edge('e7', 'mlp2', 'model', 'train2', 'model'),
      edge('e8', 'sgd', 'optimizer', 'train2', 'optimizer'),
      edge('e9', 'train', 'run', 'view', 'runs'),
      edge('e10', 'train2', 'run', 'view', 'runs'),
    );
    expect(problemsOf(raw)).toEqual([
      {
        path: 'edges[9]',
        message:
          'runs on one landscape must share one model: Train "train2" (train) uses "mlp2", Train "train" (train) uses "mlp"',
      },
    ]);
  });
});

describe('cycles', () => {
  it('a cycle through a feedback port (plateau fed by a metric of its own run) is allowed', () => {
    const raw = dataGraph();
    raw.nodes.push(node('plateau', 'schedule.plateau'));
    raw.edges.push(
      edge('e6', 'plateau', 'lr', 'sgd', 'lr'),
      edge('e7', 'loss', 'series', 'plateau', 'metric'),
    );
    expect(valid(raw).edges).toHaveLength(7);
  });

  it('a cycle that does not pass a feedback port is refused', () => {
    // No catalog ports can close such a cycle today, so the rule is tested on synthetic ports.
    const port: PortSpec = { name: 'x', type: 'series' };
    const entry = (id: string, index: number): NodeEntry => ({
      node: { id, type: 'fake', params: {}, position: { x: 0, y: 0 } },
      index,
      block: undefined,
    });
    const [a, b, c] = [entry('a', 0), entry('b', 1), entry('c', 2)];
    const link = (
      index: number,
      from: NodeEntry,
      to: NodeEntry,
      feedback = false,
    ): ResolvedEdge => ({
      edge: {
        id: `e${index}`,
        from: { node: from.node.id, port: 'x' },
        to: { node: to.node.id, port: 'x' },
      },
      index,
      from,
      to,
      fromPort: port,
      toPort: { ...port, feedback },
    });
    expect(checkCycles([link(0, a, b), link(1, b, c), link(2, c, a)])).toEqual([
      {
        path: 'edges[0]',
        message:
          'closes a cycle "a" → "b" → "c" → "a"; a cycle must pass through a feedback input (such as schedule.plateau\'s "metric")',
      },
    ]);
    expect(checkCycles([link(0, a, b), link(1, b, c), link(2, c, a, true)])).toEqual([]);
    expect(checkCycles([link(0, a, a)])[0]!.path).toBe('edges[0]');
  });
});

describe('groups and notes', () => {
  it('groups name existing nodes; ids are unique', () => {
    const raw = dataGraph();
    const frame = (id: string, nodes: string[]) => ({
      id,
      title: 'Data',
      nodes,
      position: { x: 0, y: 0 },
      size: { width: 100, height: 100 },
    });
    raw.groups = [frame('g', ['data', 'mlp']), frame('g', ['ghost'])];
    raw.notes = [
      { id: 'n', text: 'a', position: { x: 0, y: 0 } },
      { id: 'n', text: 'b', position: { x: 0, y: 0 } },
    ];
    expect(problemsOf(raw)).toEqual([
      { path: 'groups[1].id', message: 'duplicate id "g" (first used by groups[0])' },
      { path: 'groups[1].nodes[0]', message: 'no node with id "ghost"' },
      { path: 'notes[1].id', message: 'duplicate id "n" (first used by notes[0])' },
    ]);
  });
});

describe('validateGraph on a typed document (the editor after each edit)', () => {
  it('reports a param set out of range', () => {
    const doc = valid(dataGraph());
    const edited: GraphDocument = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'sgd' ? { ...n, params: { ...n.params, lr: 0 } } : n)),
    };
    expect(validateGraph(doc)).toEqual([]);
    expect(validateGraph(edited)).toEqual([
      { path: 'nodes[2].params.lr', message: 'must be > 0 and ≤ 1000, got 0' },
    ]);
  });

  it('treats missing params as defaults', () => {
    const doc = valid(surfaceGraph());
    const sparse: GraphDocument = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, params: {} })) };
    expect(validateGraph(sparse)).toEqual([]);
  });

  it('does not throw on a document that is not what its type says', () => {
    const broken = { nodes: [null], edges: 3 } as unknown as GraphDocument;
    const problems = validateGraph(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('');
  });
});
