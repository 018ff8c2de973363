/**
 * The recorder's progress line: frames done of the total and the time left, estimated from
 * the pace so far (the first frames carry the encoder's start-up, so no estimate before two).
 */
export interface RecordingProgress {
  readonly done: number;
  readonly total: number;
  /** Milliseconds since the first frame was asked for. */
  readonly elapsedMs: number;
}

/** Seconds left at the pace so far, or null while there is too little to go on. */
export function secondsLeft(p: RecordingProgress): number | null {
  if (p.done < 2 || p.total <= p.done || !(p.elapsedMs > 0)) return p.done >= p.total ? 0 : null;
  return ((p.total - p.done) * p.elapsedMs) / p.done / 1000;
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.ceil(s - 60 * m)).padStart(2, '0')} s`;
}

/** "frame 12 / 60 · 8 s left" (or "estimating…" before there is a pace). */
export function progressLabel(p: RecordingProgress): string {
  const left = secondsLeft(p);
  const tail = left === null ? 'estimating…' : `${formatSeconds(left)} left`;
  return `frame ${p.done} / ${p.total} · ${tail}`;
}
