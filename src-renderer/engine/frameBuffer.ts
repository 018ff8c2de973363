/**
 * Coalesces a fast stream into one array per animation frame: whatever arrived since the last
 * frame, in order. Views then update once per frame however many messages came in.
 */
import { Observable } from 'rxjs';

export type RequestFrame = (callback: () => void) => void;

const browserFrame: RequestFrame = (callback) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
};

export function bufferPerFrame<T>(
  source: Observable<T>,
  requestFrame: RequestFrame = browserFrame,
): Observable<T[]> {
  return new Observable<T[]>((subscriber) => {
    let buffer: T[] = [];
    let scheduled = false;
    let closed = false;
    const emit = () => {
      scheduled = false;
      if (closed || buffer.length === 0) return;
      const out = buffer;
      buffer = [];
      subscriber.next(out);
    };
    const subscription = source.subscribe({
      next(value) {
        buffer.push(value);
        if (!scheduled) {
          scheduled = true;
          requestFrame(emit);
        }
      },
      error(error) {
        emit();
        subscriber.error(error);
      },
      complete() {
        emit();
        subscriber.complete();
      },
    });
    return () => {
      closed = true;
      subscription.unsubscribe();
    };
  });
}
