/** The shared cursor step: who set it, no echoes, and release only by its owner. */
import { describe, expect, it } from 'vitest';
import { createCursorStepStore } from '../../../../src-renderer/engine/cursorStep';

describe('cursor step store', () => {
  it('holds the step and who set it; notifies only on change', () => {
    const store = createCursorStepStore();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    expect(store.getSnapshot()).toEqual({ step: null, source: null });
    store.set(40, 'chart');
    store.set(40, 'chart');
    expect(store.getSnapshot()).toEqual({ step: 40, source: 'chart' });
    expect(calls).toBe(1);
    store.set(40, 'viewer'); // same step, new owner: the charts must draw it
    expect(store.getSnapshot()).toEqual({ step: 40, source: 'viewer' });
    expect(calls).toBe(2);
    store.set(Number.NaN, 'viewer');
    expect(store.getSnapshot()).toEqual({ step: null, source: null });
    stop();
    store.set(3, 'chart');
    expect(calls).toBe(3);
  });

  it('release clears the cursor only for the view that set it', () => {
    const store = createCursorStepStore();
    store.set(12, 'viewer');
    store.release('chart'); // the mouse left a chart: the viewer's cursor stays
    expect(store.getSnapshot()).toEqual({ step: 12, source: 'viewer' });
    store.release('viewer');
    expect(store.getSnapshot()).toEqual({ step: null, source: null });
  });
});
