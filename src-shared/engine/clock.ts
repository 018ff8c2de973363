/**
 * Time as the engine sees it. Everything that paces or slices work (the run loop's steps/s
 * limit and time slices, the event batcher, the landscape's chunks) reads time and sets timers
 * through a Clock, so tests drive it by hand (tests/support/manualClock.ts) instead of racing
 * the wall clock.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale (only differences mean anything). */
  now(): number;
  /** Calls `fn` once after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** Resolves once queued messages, timers and I/O have had a turn. */
  yield(): Promise<void>;
}

/**
 * A macrotask turn: setImmediate in Node (not clamped, fair with I/O). Elsewhere setTimeout(0):
 * clamped to ~4 ms when chained, but a MessageChannel turn, though faster, starves a worker's
 * incoming messages in Chromium (Pause then waited 0.1–0.3 s behind the run loop's own
 * messages); a timer leaves the thread idle long enough for every pending message to run.
 */
function nextTurn(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (g.setImmediate) return new Promise((resolve) => g.setImmediate!(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The host's own clock: performance.now and setTimeout. */
export const realClock: Clock = {
  now: () => performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
  yield: nextTurn,
};
