/**
 * Buffers run events and flushes them as one message at most every `intervalMs`, keeping
 * order and losing nothing. Start, param and done events flush at once so the UI shows them
 * immediately; a full buffer flushes too, so no message grows without bound.
 */
import type { RunEvent } from '../../protocol/events';
import { type Clock, realClock } from '../clock';

export interface EventBatcher {
  push(event: RunEvent): void;
  /** Sends what is buffered now. */
  flush(): void;
  dispose(): void;
}

/** Events per message at most. */
export const MAX_BATCH = 4096;

export function createEventBatcher(
  send: (events: RunEvent[]) => void,
  intervalMs: number,
  clock: Pick<Clock, 'after'> = realClock,
  maxBatch = MAX_BATCH,
): EventBatcher {
  let buffer: RunEvent[] = [];
  let cancelTimer: (() => void) | null = null;
  const flush = () => {
    cancelTimer?.();
    cancelTimer = null;
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
      else if (cancelTimer === null) cancelTimer = clock.after(intervalMs, flush);
    },
    flush,
    dispose() {
      flush();
    },
  };
}
