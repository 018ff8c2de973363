/** Edits that reach a running run at its next step, and those that need a restart. */
import { describe, expect, it } from 'vitest';
import { planTweaks } from '../../../../src-renderer/engine/liveTweaks';
import type { GraphDocument } from '../../../../src-shared/graph';

const base = {
  format: 'gradient-atlas/graph',
  version: 1,
  name: 'g',
  nodes: [
    { id: 'data', type: 'dataset.moons', params: { samples: 400 }, position: { x: 0, y: 0 } },
    { id: 'mlp', type: 'model.mlp', params: { hidden: [8] }, position: { x: 0, y: 0 } },
    {
      id: 'adam',
      type: 'optimizer.adam',
      params: { lr: 0.001, amsgrad: false },
      position: { x: 0, y: 0 },
    },
    { id: 'cos', type: 'schedule.cosine', params: { tMax: 100 }, position: { x: 0, y: 0 } },
    { id: 'train', type: 'train', params: { batchSize: 32, epochs: 5 }, position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: { node: 'data', port: 'dataset' }, to: { node: 'train', port: 'dataset' } },
  ],
} as unknown as GraphDocument;

function edit(change: (g: GraphDocument) => void): GraphDocument {
  const g = structuredClone(base);
  change(g);
  return g;
}

describe('planTweaks', () => {
  it('sends optimizer, schedule and batch-size edits as live param changes', () => {
    const after = edit((g) => {
      g.nodes[2]!.params.lr = 0.01;
      g.nodes[2]!.params.amsgrad = true;
      g.nodes[3]!.params.tMax = 50;
      g.nodes[4]!.params.batchSize = 64;
    });
    expect(planTweaks(base, after)).toEqual({
      tweaks: [
        { node: 'adam', name: 'lr', value: 0.01 },
        { node: 'adam', name: 'amsgrad', value: true },
        { node: 'cos', name: 'tMax', value: 50 },
        { node: 'train', name: 'batchSize', value: 64 },
      ],
      restart: [],
    });
  });

  it('asks for a restart for model, data, epochs and wiring edits', () => {
    const after = edit((g) => {
      g.nodes[0]!.params.samples = 800;
      g.nodes[1]!.params.hidden = [16, 16];
      g.nodes[4]!.params.epochs = 9;
      g.edges = [];
    });
    const plan = planTweaks(base, after);
    expect(plan.tweaks).toEqual([]);
    expect(plan.restart).toEqual([
      "dataset.moons 'data'.samples changed",
      "model.mlp 'mlp'.hidden changed",
      "train 'train'.epochs changed",
      'the wiring changed',
    ]);
  });

  it('sees nothing to do when only positions move', () => {
    const after = edit((g) => {
      g.nodes[0]!.position = { x: 50, y: 60 };
    });
    expect(planTweaks(base, after)).toEqual({ tweaks: [], restart: [] });
  });

  it("ignores edits of a view's own settings (the recorder's), which no run depends on", () => {
    const withView = edit((g) => {
      g.nodes.push({
        id: 'land',
        type: 'view.landscape',
        params: { grid: 41, recording: null },
        position: { x: 0, y: 0 },
      });
    });
    const after = structuredClone(withView);
    after.nodes[5]!.params.recording = { fps: 60, keyframes: [] };
    expect(planTweaks(withView, after)).toEqual({ tweaks: [], restart: [] });
    after.nodes[5]!.params.grid = 61;
    expect(planTweaks(withView, after).restart).toEqual(["view.landscape 'land'.grid changed"]);
  });

  it('ignores edits the catalog marks display-only: a chart axis, side-by-side panes', () => {
    const withViews = edit((g) => {
      g.nodes.push(
        {
          id: 'land',
          type: 'view.landscape',
          params: { grid: 41, sideBySide: false },
          position: { x: 0, y: 0 },
        },
        {
          id: 'chart',
          type: 'view.chart',
          params: { smoothing: 0, logY: false, decades: 0 },
          position: { x: 0, y: 0 },
        },
      );
    });
    const after = structuredClone(withViews);
    after.nodes[5]!.params.sideBySide = true;
    after.nodes[6]!.params = { smoothing: 0.9, logY: true, decades: 5 };
    expect(planTweaks(withViews, after)).toEqual({ tweaks: [], restart: [] });
  });
});
