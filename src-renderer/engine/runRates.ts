/**
 * Steps per second per run, from its recent (wall ms, step) samples: a window of about two
 * seconds, so the figure follows speed changes without jumping on each batch of events.
 */
const WINDOW_MS = 2000;
/** Below this span the previous figure stands (too few samples to divide by). */
const MIN_SPAN_MS = 200;

export interface RateMeter {
  /** Records that run `key` has done `step` updates now; returns its rate, or `previous`. */
  sample(key: string, step: number, previous: number): number;
  forget(key: string): void;
}

export function createRateMeter(now: () => number): RateMeter {
  const samples = new Map<string, { t: number; step: number }[]>();
  return {
    sample(key, step, previous) {
      const t = now();
      const history = samples.get(key) ?? [];
      history.push({ t, step });
      while (history.length > 2 && t - history[0]!.t > WINDOW_MS) history.shift();
      samples.set(key, history);
      const first = history[0]!;
      return t - first.t > MIN_SPAN_MS ? ((step - first.step) * 1000) / (t - first.t) : previous;
    },
    forget: (key) => samples.delete(key),
  };
}
