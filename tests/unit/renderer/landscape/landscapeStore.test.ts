/**
 * When the viewer asks for landscapes: shortly after a launch starts, at its end, and while runs
 * train: an analytic surface recomputed every REFRESH_MS, a network's paths grown every LIVE_MS
 * on the surface already drawn (kept as the same object, so the mesh is not rebuilt).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineClient } from '../../../../src-renderer/engine/engineClient';
import { createLandscapeQueue } from '../../../../src-renderer/landscape/landscapeQueue';
import {
  createLandscapeStore,
  LIVE_MS,
  REFRESH_MS,
  START_DELAY_MS,
} from '../../../../src-renderer/landscape/landscapeStore';
import type { EngineCommand } from '../../../../src-shared/protocol/engine';

function setup() {
  const sent: EngineCommand[] = [];
  const client = new EngineClient(
    { postMessage: (m) => sent.push(m as EngineCommand), onMessage: () => () => {} },
    () => 0,
  );
  const store = createLandscapeStore(createLandscapeQueue(client).channel());
  store.setOpen(true);
  const landscapes = () => sent.filter((c) => c.type === 'landscape');
  const result = (request: number, task: string, steps: number[]) =>
    client.receive({
      type: 'landscapeResult',
      launch: 1,
      request,
      view: 'view',
      runs: ['train'],
      result: {
        axes: [
          { name: 'alpha', values: [0, 1] },
          { name: 'beta', values: [0, 1] },
        ],
        grid: 2,
        loss: new Float32Array([1, 2, 3, 4]),
        directions: { type: 'pca' },
        model: { type: 'mlp', task, size: 10 },
        paths: [
          {
            run: 'train',
            steps,
            alpha: steps.map(() => 0),
            beta: steps.map(() => 0),
            offPlane: steps.map(() => 0),
            loss: steps.map(() => 1),
            trueLoss: steps.map(() => 1),
          },
        ],
        notes: [],
      },
    });
  const state = (s: string) => client.receive({ type: 'state', launch: 1, state: s });
  return { store, landscapes, result, state, client };
}

describe('landscape store refreshes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a network run: one full landscape after the start, then growing paths, then a full one', () => {
    const t = setup();
    t.state('loaded');
    t.state('running');
    expect(t.landscapes()).toEqual([]);
    vi.advanceTimersByTime(START_DELAY_MS);
    expect(t.landscapes()).toEqual([{ type: 'landscape', request: 1, curvature: true }]);
    expect(t.store.getSnapshot().status).toBe('computing');
    t.result(1, 'classification', [0, 1, 2]);
    const surface = t.store.getSnapshot().surface;
    vi.advanceTimersByTime(LIVE_MS - 1);
    expect(t.landscapes()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(t.landscapes()[1]).toEqual({
      type: 'landscape',
      request: 2,
      curvature: true,
      pathsOnly: true,
    });
    // Growing paths shows no progress bar, and keeps the surface.
    expect(t.store.getSnapshot().status).toBe('done');
    t.result(2, 'classification', [0, 1, 2, 3, 4]);
    expect(t.store.getSnapshot().surface).toBe(surface);
    expect(t.store.getSnapshot().result?.paths[0]?.steps).toEqual([0, 1, 2, 3, 4]);
    // Paused: the same head again changes nothing (the viewer redraws nothing).
    const snapshot = t.store.getSnapshot();
    vi.advanceTimersByTime(LIVE_MS);
    t.result(3, 'classification', [0, 1, 2, 3, 4]);
    expect(t.store.getSnapshot().result).toBe(snapshot.result);
    t.state('finished');
    expect(t.landscapes().at(-1)).toEqual({ type: 'landscape', request: 4, curvature: true });
    t.result(4, 'classification', [0, 1, 2, 3, 4, 5]);
    expect(t.store.getSnapshot().surface).not.toBe(surface);
    vi.advanceTimersByTime(10 * LIVE_MS);
    expect(t.landscapes()).toHaveLength(4); // finished: no more refreshes
    t.store.dispose();
  });

  it('an analytic surface is recomputed whole while it trains', () => {
    const t = setup();
    t.state('loaded');
    t.state('running');
    vi.advanceTimersByTime(START_DELAY_MS);
    t.result(1, 'surface', [0, 1]);
    vi.advanceTimersByTime(REFRESH_MS);
    expect(t.landscapes()[1]).toEqual({
      type: 'landscape',
      request: 2,
      grid: 121,
      curvature: true,
    });
    t.store.dispose();
  });
});

describe('landscape store never shows another graph', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a new launch clears the surface and paths at once and shows computing', () => {
    const t = setup();
    t.state('loaded');
    t.state('running');
    vi.advanceTimersByTime(START_DELAY_MS);
    t.result(1, 'classification', [0, 1, 2]);
    t.state('finished');
    t.result(2, 'classification', [0, 1, 2, 3]);
    expect(t.store.getSnapshot().result).not.toBeNull();
    t.client.receive({ type: 'state', launch: 2, state: 'loaded' });
    const s = t.store.getSnapshot();
    expect([s.status, s.surface, s.result, s.view]).toEqual(['computing', null, null, null]);
    // A late answer about launch 1 (to the request still current) is dropped.
    t.result(2, 'classification', [0, 1, 2, 3]);
    expect(t.store.getSnapshot().result).toBeNull();
    t.store.dispose();
  });

  it('another document: cleared, and no landscape of the old launch when reopened', () => {
    const t = setup();
    t.state('loaded');
    t.state('finished');
    t.result(1, 'classification', [0, 1]);
    expect(t.store.getSnapshot().status).toBe('done');
    t.store.documentChanged();
    expect(t.store.getSnapshot()).toMatchObject({ status: 'idle', surface: null, result: null });
    t.result(1, 'classification', [0, 1]);
    expect(t.store.getSnapshot().result).toBeNull();
    const before = t.landscapes().length;
    t.store.setOpen(false);
    t.store.setOpen(true);
    expect(t.landscapes()).toHaveLength(before);
    t.store.dispose();
  });

  it('selecting a view asks for that block, and grown paths stay on it', () => {
    const t = setup();
    t.state('loaded');
    t.state('finished');
    t.store.selectView('residual');
    const s = t.store.getSnapshot();
    expect([s.selectedView, s.status, s.result]).toEqual(['residual', 'computing', null]);
    expect(t.landscapes().at(-1)).toEqual({
      type: 'landscape',
      request: 2,
      view: 'residual',
      curvature: true,
    });
    t.store.dispose();
  });

  it('asks for a curvature map once chosen: now, and with every landscape after', () => {
    const t = setup();
    t.store.setCurvatureMap(9);
    // Nothing loaded yet: nothing to compute.
    expect(t.landscapes()).toEqual([]);
    t.state('loaded');
    t.state('finished');
    expect(t.landscapes().at(-1)).toEqual({
      type: 'landscape',
      request: 1,
      curvature: true,
      curvatureMap: 9,
    });
    t.result(1, 'classification', [0, 10]);
    t.store.setCurvatureMap(9);
    expect(t.landscapes()).toHaveLength(1);
    t.store.setCurvatureMap(null);
    t.store.compute();
    expect(t.landscapes().at(-1)).toEqual({ type: 'landscape', request: 2, curvature: true });
    t.store.setCurvatureMap(5);
    expect(t.landscapes().at(-1)).toEqual({
      type: 'landscape',
      request: 3,
      curvature: true,
      curvatureMap: 5,
    });
    t.store.dispose();
  });
});

describe('landscape stores side by side', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('two panes take turns, and without live growth a network is drawn at the start and end', () => {
    const t = setup();
    t.store.dispose(); // the panel's panes share one queue instead
    const queue = createLandscapeQueue(t.client);
    const [a, b] = [queue.channel(), queue.channel()].map((c) => createLandscapeStore(c));
    for (const s of [a!, b!]) {
      s.setLiveGrowth(false);
      s.setOpen(true);
    }
    a!.selectView('plain');
    b!.selectView('residual');
    t.state('loaded');
    t.state('running');
    vi.advanceTimersByTime(START_DELAY_MS);
    expect(t.landscapes().map((c) => [c.request, c.view])).toEqual([[1, 'plain']]);
    t.result(1, 'classification', [0, 1]);
    expect(t.landscapes().map((c) => [c.request, c.view])).toEqual([
      [1, 'plain'],
      [2, 'residual'],
    ]);
    expect(a!.getSnapshot().result).not.toBeNull();
    expect(b!.getSnapshot().result).toBeNull();
    t.result(2, 'classification', [0, 1]);
    expect(b!.getSnapshot().result).not.toBeNull();
    vi.advanceTimersByTime(10 * LIVE_MS);
    expect(t.landscapes()).toHaveLength(2); // no growth while it trains
    t.state('finished');
    expect(t.landscapes().map((c) => c.request)).toEqual([1, 2, 3]);
    t.result(3, 'classification', [0, 1, 2]);
    expect(t.landscapes().map((c) => c.request)).toEqual([1, 2, 3, 4]);
    a!.dispose();
    b!.dispose();
  });
});
