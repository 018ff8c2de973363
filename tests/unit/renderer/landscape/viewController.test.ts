/**
 * The viewer's controller outside React: the timeline stays at the head of a growing run
 * unless scrubbed back, follows the charts' cursor (clamped) and moves it; styles, overlays,
 * hidden runs and the loss max reach the scene; the opening height scale is applied once per key.
 */
import { describe, expect, it } from 'vitest';
import { createCursorStepStore } from '../../../../src-renderer/engine/cursorStep';
import type { SceneData, ScenePath } from '../../../../src-renderer/landscape/scene/sceneTypes';
import {
  ViewController,
  type ViewerScene,
} from '../../../../src-renderer/landscape/viewController';

/** A scene that records what it was told. */
function fakeScene() {
  const calls: [string, unknown][] = [];
  const scene: ViewerScene = {
    setData: (d) => void calls.push(['setData', d]),
    clearData: () => void calls.push(['clearData', null]),
    setStyle: (s) => void calls.push(['setStyle', s]),
    setStep: (k) => void calls.push(['setStep', k]),
    follow: (r) => void calls.push(['follow', r]),
    preset: (p) => void calls.push(['preset', p]),
    resize: () => {},
    dispose: () => {},
  };
  const last = (name: string) => calls.filter((c) => c[0] === name).at(-1)?.[1];
  return { scene, calls, last };
}

const path = (run: string, lastStep: number): ScenePath => ({
  run,
  label: run,
  color: '#000000',
  momentum: false,
  steps: [0, lastStep],
  alpha: [0, 1],
  beta: [0, 1],
  loss: [1, 0],
  trueLoss: [1, 0],
  offPlane: [0, 0],
});

const data = (...paths: ScenePath[]): SceneData => ({
  grid: 2,
  xs: [0, 1],
  ys: [0, 1],
  loss: new Float32Array(4),
  axisNames: ['alpha', 'beta'],
  paths,
});

describe('landscape view controller', () => {
  it('stays at the head of a growing run unless scrubbed back', () => {
    const cursor = createCursorStepStore();
    const c = new ViewController<ViewerScene>(cursor);
    const f = fakeScene();
    c.attach(f.scene);
    c.setData(data(path('a', 10)));
    expect([c.getSnapshot().step, c.getSnapshot().last]).toEqual([10, 10]);
    c.setData(data(path('a', 20), path('b', 15)));
    expect(c.getSnapshot().step).toBe(20);
    expect(f.last('setStep')).toBe(20);
    c.scrub(5);
    expect(cursor.getSnapshot()).toEqual({ step: 5, source: 'viewer' });
    c.setData(data(path('a', 30)));
    expect([c.getSnapshot().step, c.getSnapshot().last]).toEqual([5, 30]);
    c.setData(null);
    expect(f.last('clearData')).toBeNull();
    expect(c.getSnapshot().last).toBe(0);
  });

  it('follows a chart’s hover, clamped to the timeline, and pauses a replay', () => {
    const cursor = createCursorStepStore();
    const c = new ViewController<ViewerScene>(cursor);
    const f = fakeScene();
    c.attach(f.scene);
    c.setData(data(path('a', 50)));
    c.setPlaying(true);
    cursor.set(80, 'chart');
    expect([c.getSnapshot().step, c.getSnapshot().playing]).toEqual([50, false]);
    cursor.set(12, 'chart');
    expect(f.last('setStep')).toBe(12);
    // Its own cursor is not echoed back; detaching releases it and stops following the charts.
    c.scrub(30);
    expect(c.getSnapshot().step).toBe(30);
    c.attach(null);
    expect(cursor.getSnapshot().step).toBeNull();
    cursor.set(7, 'chart');
    expect(c.getSnapshot().step).toBe(30);
  });

  it('hands a late scene everything shown so far', () => {
    const c = new ViewController<ViewerScene>(createCursorStepStore());
    c.setData(data(path('a', 8)));
    c.toggleOverlay('gradient', false);
    c.follow('a');
    const f = fakeScene();
    c.attach(f.scene);
    expect(f.calls.map((x) => x[0])).toEqual(['setStyle', 'setData', 'setStep', 'follow']);
    expect((f.last('setStyle') as { overlays: Record<string, boolean> }).overlays.gradient).toBe(
      false,
    );
    expect(f.last('setStep')).toBe(8);
    expect(f.last('follow')).toBe('a');
  });

  it('passes styles to the scene: runs hidden, loss max, a preset leaving the 2D view', () => {
    const c = new ViewController<ViewerScene>(createCursorStepStore());
    const f = fakeScene();
    c.attach(f.scene);
    c.toggleRun('b');
    c.toggleRun('c');
    c.toggleRun('b');
    expect(c.getSnapshot().style.hiddenRuns).toEqual(['c']);
    c.setClipText('2.5');
    expect(c.getSnapshot().style.clipMax).toBe(2.5);
    for (const text of ['', '-1', 'abc']) {
      c.setClipText(text);
      expect([c.getSnapshot().clipText, c.getSnapshot().style.clipMax]).toEqual([text, null]);
    }
    c.follow('a');
    c.setStyle({ view2d: true });
    c.camera('top');
    expect([c.getSnapshot().follow, c.getSnapshot().style.view2d]).toEqual([null, false]);
    expect(f.last('preset')).toBe('top');
  });

  it('applies the opening height scale once per key, then the user’s choice stands', () => {
    const c = new ViewController<ViewerScene>(createCursorStepStore());
    c.openHeight('1:v', 'log');
    expect(c.getSnapshot().style.heightMode).toBe('log');
    c.setStyle({ heightMode: 'linear' });
    c.openHeight('1:v', 'log');
    expect(c.getSnapshot().style.heightMode).toBe('linear');
    c.openHeight('2:v', 'symlog');
    expect(c.getSnapshot().style.heightMode).toBe('symlog');
  });
});
