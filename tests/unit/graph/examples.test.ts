/** The shipped examples: valid, about what their names promise, and quick to train. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type GraphDocument,
  type GraphNode,
  parseGraphText,
} from '../../../src-shared/graph/index';

function load(name: string): GraphDocument {
  const text = readFileSync(join(__dirname, `../../../resources/examples/${name}.json`), 'utf8');
  const result = parseGraphText(text);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
  return result.graph;
}

const ofType = (graph: GraphDocument, type: string): GraphNode[] =>
  graph.nodes.filter((node) => node.type === type);

/** Ids of the nodes feeding `id`'s input `port`. */
const sources = (graph: GraphDocument, id: string, port: string): string[] =>
  graph.edges.filter((e) => e.to.node === id && e.to.port === port).map((e) => e.from.node);

const byId = (graph: GraphDocument, id: string): GraphNode => {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};

/** Optimizer steps of a train block: surfaces take one step per epoch. */
function steps(graph: GraphDocument, train: GraphNode): number {
  const epochs = train.params.epochs as number;
  const [dataId] = sources(graph, train.id, 'dataset');
  if (!dataId) return epochs;
  const data = byId(graph, dataId).params;
  const trainSamples = (data.samples as number) * (1 - (data.valSplit as number));
  return epochs * Math.ceil(trainSamples / (train.params.batchSize as number));
}

const NAMES = [
  'quickstart',
  'rosenbrock-race',
  'saddle-escape',
  'logistic-convex',
  'lr-too-big',
  'skip-connections',
  'ravine-momentum',
];

describe('examples', () => {
  it('all load, and every run is modest (seconds on a CPU)', () => {
    for (const name of NAMES) {
      const graph = load(name);
      for (const train of ofType(graph, 'train')) {
        expect(steps(graph, train), `${name} ${train.id}`).toBeLessThanOrEqual(1000);
      }
      for (const view of ofType(graph, 'view.landscape')) {
        expect(view.params.grid as number, name).toBeLessThanOrEqual(41);
      }
    }
  });

  it('quickstart: spiral -> MLP -> Adam with a cosine schedule -> train -> charts + landscape', () => {
    const graph = load('quickstart');
    const [train] = ofType(graph, 'train');
    const [adam] = ofType(graph, 'optimizer.adam');
    expect(byId(graph, sources(graph, train!.id, 'dataset')[0]!).type).toBe('dataset.spiral');
    expect(byId(graph, sources(graph, train!.id, 'model')[0]!).type).toBe('model.mlp');
    expect(sources(graph, train!.id, 'optimizer')).toEqual([adam!.id]);
    const [cosine] = sources(graph, adam!.id, 'lr').map((id) => byId(graph, id));
    expect(cosine!.type).toBe('schedule.cosine');
    // The cosine spans the whole run.
    expect(cosine!.params.tMax).toBe(steps(graph, train!));
    const charted = ofType(graph, 'view.chart').flatMap((c) => sources(graph, c.id, 'series'));
    const metrics = charted.map((id) => byId(graph, id).type);
    expect(metrics).toEqual(expect.arrayContaining(['metric.loss', 'metric.accuracy']));
    expect(sources(graph, ofType(graph, 'view.landscape')[0]!.id, 'runs')).toEqual([train!.id]);
  });

  it('rosenbrock race: six optimizers, six runs, one surface and start, one landscape', () => {
    const graph = load('rosenbrock-race');
    const [surface] = ofType(graph, 'model.surface');
    expect(ofType(graph, 'model.surface')).toHaveLength(1);
    expect(surface!.params.fn).toBe('rosenbrock');
    const trains = ofType(graph, 'train');
    expect(trains).toHaveLength(6);
    const optimizers = trains.map((t) => byId(graph, sources(graph, t.id, 'optimizer')[0]!));
    const kinds = optimizers.map((o) => {
      if (o.type !== 'optimizer.sgd') return o.type;
      if (o.params.nesterov) return 'nesterov';
      return (o.params.momentum as number) > 0 ? 'momentum' : 'sgd';
    });
    expect(kinds.sort()).toEqual([
      'momentum',
      'nesterov',
      'optimizer.adam',
      'optimizer.newton',
      'optimizer.rmsprop',
      'sgd',
    ]);
    for (const t of trains) expect(sources(graph, t.id, 'model')).toEqual([surface!.id]);
    const [landscape] = ofType(graph, 'view.landscape');
    expect(sources(graph, landscape!.id, 'runs').sort()).toEqual(trains.map((t) => t.id).sort());
  });

  it('saddle escape: GD, momentum and Adam from a start just off the saddle', () => {
    const graph = load('saddle-escape');
    const [surface] = ofType(graph, 'model.surface');
    expect(surface!.params.fn).toBe('saddle');
    const [x, y] = surface!.params.start as number[];
    expect(Math.abs(y!)).toBeLessThan(0.1);
    expect(Math.abs(x!)).toBeGreaterThan(0.5);
    const optimizers = ofType(graph, 'train').map((t) =>
      byId(graph, sources(graph, t.id, 'optimizer')[0]!),
    );
    expect(optimizers.map((o) => [o.type, o.params.momentum ?? null])).toEqual([
      ['optimizer.sgd', 0],
      ['optimizer.sgd', 0.9],
      ['optimizer.adam', null],
    ]);
  });

  it('logistic regression: gaussians -> linear -> SGD, with a landscape', () => {
    const graph = load('logistic-convex');
    const [train] = ofType(graph, 'train');
    expect(byId(graph, sources(graph, train!.id, 'dataset')[0]!).type).toBe('dataset.gaussians');
    expect(byId(graph, sources(graph, train!.id, 'model')[0]!).type).toBe('model.linear');
    expect(byId(graph, sources(graph, train!.id, 'optimizer')[0]!).type).toBe('optimizer.sgd');
    expect(ofType(graph, 'view.landscape')).toHaveLength(1);
  });

  it('lr too big: on a quadratic, one SGD rate that converges and one that diverges', () => {
    const graph = load('lr-too-big');
    expect(ofType(graph, 'model.surface')[0]!.params.fn).toBe('quadratic');
    const rates = ofType(graph, 'optimizer.sgd').map((o) => o.params.lr as number);
    // On L = x² + y² (curvature h = 2) a step multiplies the distance by |1 − 2α|:
    // α = 3 gives ×5 per step, past float32 range (1e38) within about 60 steps.
    const growth = (lr: number) => Math.abs(1 - 2 * lr);
    expect(rates.some((lr) => growth(lr) < 1)).toBe(true);
    const big = Math.max(...rates);
    expect(growth(big)).toBeGreaterThan(1);
    expect(Math.log(1e38) / Math.log(growth(big))).toBeLessThan(100);
    // Even if the quadratic is ½(x² + y²) (h = 1), the big rate still diverges.
    expect(Math.abs(1 - big)).toBeGreaterThan(1);
  });

  it('skip connections: two MLPs identical but for skip, one landscape each', () => {
    const graph = load('skip-connections');
    const mlps = ofType(graph, 'model.mlp');
    expect(mlps.map((m) => m.params.skip)).toEqual([false, true]);
    const { skip: _a, ...plain } = mlps[0]!.params;
    const { skip: _b, ...residual } = mlps[1]!.params;
    expect(plain).toEqual(residual);
    expect(ofType(graph, 'view.landscape')).toHaveLength(2);
  });

  it('optimizer-race-digits races SGD, momentum and Adam on one MLP, drawn on a joint PCA plane', () => {
    const graph = load('optimizer-race-digits');
    const trains = ofType(graph, 'train');
    expect(trains.map((t) => t.id).sort()).toEqual(['adam', 'momentum', 'sgd']);
    // One model and one dataset for all three: the same network, the same data.
    expect(new Set(trains.flatMap((t) => sources(graph, t.id, 'model')))).toEqual(new Set(['mlp']));
    expect(new Set(trains.flatMap((t) => sources(graph, t.id, 'dataset')))).toEqual(
      new Set(['data']),
    );
    const optimizer = (t: GraphNode) => byId(graph, sources(graph, t.id, 'optimizer')[0]!);
    const opt = Object.fromEntries(trains.map((t) => [t.id, optimizer(t)]));
    expect([opt.sgd!.type, opt.sgd!.params.momentum]).toEqual(['optimizer.sgd', 0]);
    expect([opt.momentum!.type, opt.momentum!.params.momentum]).toEqual(['optimizer.sgd', 0.9]);
    expect(opt.adam!.type).toBe('optimizer.adam');
    const [view] = ofType(graph, 'view.landscape');
    expect(view!.params.directions).toBe('pca');
    expect(sources(graph, view!.id, 'runs').sort()).toEqual(['adam', 'momentum', 'sgd']);
    // Digits: 2 000 samples, 80 % for training, batches of 64 → 25 steps an epoch.
    for (const t of trains) expect((t.params.epochs as number) * 25).toBeLessThanOrEqual(1000);
  });
});
