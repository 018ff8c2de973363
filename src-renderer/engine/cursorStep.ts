/**
 * The step a person is pointing at, shared by the charts and the landscape viewer: hovering a
 * chart sets it and the viewer's timeline follows; scrubbing the viewer sets it and the charts
 * draw a cursor there. `source` says who set it, so neither side echoes its own changes.
 */
import { useSyncExternalStore } from 'react';
import { createListeners } from '../../src-shared/editor/listeners';

export type CursorSource = 'chart' | 'viewer';

export interface CursorStepState {
  /** A training step (the x of step-axis charts); null when nothing is pointed at. */
  readonly step: number | null;
  readonly source: CursorSource | null;
}

export interface CursorStepStore {
  getSnapshot(): CursorStepState;
  subscribe(listener: () => void): () => void;
  set(step: number | null, source: CursorSource): void;
  /** Clears the cursor if `source` set it (a view going away). */
  release(source: CursorSource): void;
}

const NONE: CursorStepState = { step: null, source: null };

export function createCursorStepStore(): CursorStepStore {
  let state = NONE;
  const listeners = createListeners();
  const emit = (next: CursorStepState) => {
    state = next;
    listeners.notify();
  };
  return {
    getSnapshot: () => state,
    subscribe: listeners.subscribe,
    set(step, source) {
      const value = step !== null && Number.isFinite(step) ? step : null;
      if (value === state.step && (value === null || source === state.source)) return;
      emit(value === null ? NONE : { step: value, source });
    },
    release(source) {
      if (state.source === source) emit(NONE);
    },
  };
}

/** The window's one cursor. */
export const cursorStep: CursorStepStore = createCursorStepStore();

export function useCursorStep(store: CursorStepStore = cursorStep): CursorStepState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
