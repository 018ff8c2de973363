import { describe, expect, it } from 'vitest';
import {
  baseLrFor,
  DEFAULT_BASE_LR,
  previewLength,
  schedulePreview,
} from '../../../../src-renderer/inspector/schedulePreview';
import { edge, node, smallGraph } from '../fixtures';

function withCosine(tMax: number) {
  const graph = smallGraph();
  const cosine = node('cos', 'schedule.cosine');
  cosine.params.tMax = tMax;
  graph.nodes.push(cosine);
  graph.edges.push(edge('e7', 'cos', 'lr', 'adam', 'lr'));
  graph.nodes[2]!.params.lr = 0.02;
  return graph;
}

describe('schedule preview', () => {
  it('scales the lr of the optimizer the schedule feeds, or 0.01 when unconnected', () => {
    expect(baseLrFor(withCosine(100), 'cos')).toBe(0.02);
    const lonely = smallGraph();
    lonely.nodes.push(node('cos', 'schedule.cosine'));
    expect(baseLrFor(lonely, 'cos')).toBe(DEFAULT_BASE_LR);
  });

  it("shows a schedule's horizon plus a quarter, within 20..2000 intervals", () => {
    expect(previewLength({ tMax: 100 })).toBe(125);
    expect(previewLength({ stepSize: 30 })).toBe(150);
    expect(previewLength({ milestones: [30, 80] })).toBe(100);
    expect(previewLength({ tMax: 4 })).toBe(20);
    expect(previewLength({ totalIters: 1e6 })).toBe(2000);
    expect(previewLength({})).toBe(100);
  });

  it('cosine annealing: base lr at the start, half way at tMax/2, etaMin (0) at tMax', () => {
    const preview = schedulePreview(withCosine(100), 'cos')!;
    expect(preview.baseLr).toBe(0.02);
    expect(preview.lrs).toHaveLength(125);
    expect(preview.lrs[0]).toBeCloseTo(0.02, 12);
    // η_t = η_min + (η_0 − η_min)(1 + cos(π t / T)) / 2 = 0.02 · (1 + 0) / 2 at t = T/2
    expect(preview.lrs[50]).toBeCloseTo(0.01, 12);
    expect(preview.lrs[100]).toBeCloseTo(0, 12);
  });

  it('gives nothing for a block that is not a schedule', () => {
    expect(schedulePreview(smallGraph(), 'adam')).toBeNull();
    expect(schedulePreview(smallGraph(), 'missing')).toBeNull();
  });
});
