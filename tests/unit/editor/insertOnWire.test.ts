/** Dropping a lone block on a wire: which wires it makes, keeps and replaces, or why not. */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../src-shared/editor/commands';
import { planInsertOnWire } from '../../../src-shared/editor/insert-on-wire';
import type { GraphDocument } from '../../../src-shared/graph';
import { node, smallGraph } from '../renderer/fixtures';

function withBlock(graph: GraphDocument, id: string, type: string): GraphDocument {
  return applyCommand(graph, { type: 'add', nodes: [node(id, type)], edges: [] });
}

const wires = (graph: GraphDocument) =>
  graph.edges.map((e) => `${e.from.node}.${e.from.port}->${e.to.node}.${e.to.port}`).sort();

describe('planInsertOnWire', () => {
  it('a model dropped on data -> train.dataset takes the data and feeds train.model', () => {
    // smallGraph without its MLP: train has no model yet.
    const graph = withBlock(
      applyCommand(smallGraph(), { type: 'remove', nodes: ['mlp'], edges: [] }),
      'linear',
      'model.linear',
    );
    const plan = planInsertOnWire(graph, 'linear', 'e2');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const after = plan.commands.reduce(applyCommand, graph);
    // The dataset wire stays: train still needs its data.
    expect(wires(after)).toEqual([
      'adam.optimizer->train.optimizer',
      'data.dataset->linear.dataset',
      'data.dataset->train.dataset',
      'linear.model->train.model',
      'loss.series->chart.series',
      'train.run->loss.run',
    ]);
  });

  it('never takes another wire away: a second model cannot replace the one train has', () => {
    const graph = withBlock(smallGraph(), 'linear', 'model.linear');
    const plan = planInsertOnWire(graph, 'linear', 'e2');
    expect(plan).toEqual({ ok: false, reason: 'Linear has no output that Train takes' });
  });

  it('a block with no input of the wire type is refused with the reason', () => {
    const graph = withBlock(smallGraph(), 'cosine', 'schedule.cosine');
    expect(planInsertOnWire(graph, 'cosine', 'e5')).toEqual({
      ok: false,
      reason: 'Cosine annealing has no input for a run wire',
    });
  });

  it('a block that already has wires, or sits on the wire, is not inserted', () => {
    const graph = smallGraph();
    expect(planInsertOnWire(graph, 'adam', 'e6').ok).toBe(false);
    expect(planInsertOnWire(graph, 'loss', 'e6')).toEqual({
      ok: false,
      reason: 'the block is already on this wire',
    });
  });

  it('a metric dropped on a series wire has no series input: refused', () => {
    const graph = withBlock(smallGraph(), 'acc', 'metric.accuracy');
    expect(planInsertOnWire(graph, 'acc', 'e6')).toEqual({
      ok: false,
      reason: 'Accuracy has no input for a series wire',
    });
  });
});
