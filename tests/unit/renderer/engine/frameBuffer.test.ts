/** Per-frame coalescing: one array per frame, in order, nothing lost (fast-check). */
import fc from 'fast-check';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { bufferPerFrame } from '../../../../src-renderer/engine/frameBuffer';

describe('bufferPerFrame', () => {
  it('emits everything once, in order, at most one array per frame', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer(), fc.constant('frame' as const)), { maxLength: 200 }),
        (ops) => {
          const frames: (() => void)[] = [];
          const source = new Subject<number>();
          const out: number[][] = [];
          const sub = bufferPerFrame(source, (cb) => frames.push(cb)).subscribe((b) => out.push(b));
          const pushed: number[] = [];
          let framesRun = 0;
          for (const op of ops) {
            if (op === 'frame') {
              for (const cb of frames.splice(0)) cb();
              framesRun += 1;
            } else {
              pushed.push(op);
              source.next(op);
            }
          }
          for (const cb of frames.splice(0)) cb();
          expect(out.flat()).toEqual(pushed);
          expect(out.every((b) => b.length > 0)).toBe(true);
          expect(out.length).toBeLessThanOrEqual(framesRun + 1);
          sub.unsubscribe();
        },
      ),
      { numRuns: 200 },
    );
  });
});
