/**
 * Buffers run events and flushes them as one message at most every `intervalMs`, keeping
 * order and losing nothing. Start, param and done events flush at once so the UI shows them
 * immediately; a full buffer flushes too, so no message grows without bound.
 */
import type { RunEvent } from '../../protocol/events';

export interface EventBatcher {
  push(event: RunEvent): void;
  /** Sends what is buffered now. */
  flush(): void;
  dispose(): void;
}

export interface BatchTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: BatchTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Events per message at most. */
export const MAX_BATCH = 4096;

export function createEventBatcher(
  send: (events: RunEvent[]) => void,
  intervalMs: number,
  timers: BatchTimers = realTimers,
  maxBatch = MAX_BATCH,
): EventBatcher {
  let buffer: RunEvent[] = [];
  let timer: unknown = null;
  const flush = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
    if (buffer.length === 0) return;
    const out = buffer;
    buffer = [];
    send(out);
  };
  return {
    push(event) {
      buffer.push(event);
      const urgent = event.type === 'done' || event.type === 'start' || event.type === 'param';
      if (urgent || buffer.length >= maxBatch) flush();
      else if (timer === null) timer = timers.set(flush, intervalMs);
    },
    flush,
    dispose() {
      flush();
    },
  };
}
