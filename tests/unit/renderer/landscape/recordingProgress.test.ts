/** The recorder's progress line: frames done of the total and the time left at the pace so far. */
import { describe, expect, it } from 'vitest';
import { progressLabel, secondsLeft } from '../../../../src-renderer/landscape/recordingProgress';

describe('recording progress', () => {
  it('estimates the time left from the pace so far', () => {
    // 15 frames in 3 s: 0.2 s a frame, 45 frames to go → 9 s.
    expect(secondsLeft({ done: 15, total: 60, elapsedMs: 3000 })).toBeCloseTo(9, 9);
    expect(progressLabel({ done: 15, total: 60, elapsedMs: 3000 })).toBe(
      'frame 15 / 60 · 9 s left',
    );
  });

  it('waits for a pace before estimating, and ends at zero', () => {
    expect(secondsLeft({ done: 1, total: 60, elapsedMs: 900 })).toBeNull();
    expect(progressLabel({ done: 0, total: 60, elapsedMs: 0 })).toBe('frame 0 / 60 · estimating…');
    expect(progressLabel({ done: 60, total: 60, elapsedMs: 5000 })).toBe(
      'frame 60 / 60 · 0 s left',
    );
  });

  it('writes minutes past a minute', () => {
    // 10 frames in 20 s, 1790 to go → 3580 s = 59 min 40 s.
    expect(progressLabel({ done: 10, total: 1800, elapsedMs: 20000 })).toBe(
      'frame 10 / 1800 · 59 min 40 s left',
    );
    expect(progressLabel({ done: 10, total: 40, elapsedMs: 20000 })).toBe(
      'frame 10 / 40 · 1 min 00 s left',
    );
  });
});
