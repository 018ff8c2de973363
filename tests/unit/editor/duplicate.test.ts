/** Duplicate with wires: copies keep incoming wires and outgoing ones into multi-inputs. */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../src-shared/editor/commands';
import { duplicateWithWires } from '../../../src-shared/editor/duplicate';
import { validateGraph } from '../../../src-shared/graph';
import { smallGraph } from '../renderer/fixtures';

describe('duplicateWithWires', () => {
  it('a copy of adam -> train -> loss is wired like the original: a second valid race entry', () => {
    const graph = smallGraph();
    const result = duplicateWithWires(graph, ['adam', 'train', 'loss'], { x: 40, y: 40 });
    expect(result?.ids).toEqual(['adam-2', 'train-2', 'loss-2']);
    const after = applyCommand(graph, result!.command);
    const wires = after.edges
      .filter((e) => result!.ids.includes(e.from.node) || result!.ids.includes(e.to.node))
      .map((e) => `${e.from.node}.${e.from.port}->${e.to.node}.${e.to.port}`)
      .sort();
    expect(wires).toEqual([
      'adam-2.optimizer->train-2.optimizer',
      'data.dataset->train-2.dataset',
      'loss-2.series->chart.series',
      'mlp.model->train-2.model',
      'train-2.run->loss-2.run',
    ]);
    expect(validateGraph(after)).toEqual([]);
    expect(after.nodes.find((n) => n.id === 'adam-2')?.position).toEqual({ x: 340, y: 240 });
  });

  it('an outgoing wire into a single input is not copied (it would steal the input)', () => {
    const graph = smallGraph();
    const result = duplicateWithWires(graph, ['adam'], { x: 40, y: 40 });
    const after = applyCommand(graph, result!.command);
    expect(after.edges).toHaveLength(graph.edges.length);
    expect(duplicateWithWires(graph, [], { x: 0, y: 0 })).toBeNull();
  });
});
