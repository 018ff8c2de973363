/** Camera tracks at exact times: eased keyframe interpolation, orbit, follow, frame times. */
import { describe, expect, it } from 'vitest';
import {
  easeInOutCubic,
  followTrack,
  frameTimes,
  type Keyframe,
  keyframeTrack,
  orbitTrack,
} from '../../../../src-renderer/landscape/cameraTrack';

const A: Keyframe = { position: [0, 0, 0], target: [1, 1, 1], step: 0 };
const B: Keyframe = { position: [8, 4, 0], target: [1, 3, 1], step: 100 };
const C: Keyframe = { position: [8, 4, 8], target: [0, 0, 0], step: 200 };

describe('keyframeTrack', () => {
  it('eases: 0, ½ and 1 are fixed points; ¼ → 4·(¼)³ = 1/16', () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(0.5)).toBe(0.5);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(0.25)).toBeCloseTo(1 / 16, 15);
    expect(easeInOutCubic(0.75)).toBeCloseTo(15 / 16, 15);
  });

  it('passes through each keyframe at k·duration/(K−1) exactly', () => {
    const track = keyframeTrack([A, B, C], 4);
    expect(track(0)).toEqual(A);
    expect(track(2)).toEqual(B);
    expect(track(4)).toEqual(C);
  });

  it('interpolates positions, targets and steps with the eased fraction', () => {
    const track = keyframeTrack([A, B, C], 4);
    // t = 0.5 s is ¼ of the first segment: eased 1/16.
    const p = track(0.5);
    expect(p.position[0]).toBeCloseTo(8 / 16, 12);
    expect(p.position[1]).toBeCloseTo(4 / 16, 12);
    expect(p.target[1]).toBeCloseTo(1 + 2 / 16, 12);
    expect(p.step).toBeCloseTo(100 / 16, 12);
    // t = 3 s is the middle of the second segment: eased ½.
    const q = track(3);
    expect(q.position).toEqual([8, 4, 4]);
    expect(q.target).toEqual([0.5, 1.5, 0.5]);
    expect(q.step).toBe(150);
  });

  it('clamps outside [0, duration] and refuses empty tracks', () => {
    const track = keyframeTrack([A, B], 2);
    expect(track(-1)).toEqual(A);
    expect(track(9)).toEqual(B);
    expect(() => keyframeTrack([], 2)).toThrow('at least one keyframe');
    expect(() => keyframeTrack([A], 0)).toThrow('duration must be positive');
  });
});

describe('preset tracks', () => {
  it('orbit: radius and height fixed, one turn, steps 0 → last', () => {
    const track = orbitTrack([0, 0.5, 0], 2, 1, 300, 10, 0);
    const start = track(0);
    expect(start.position[0]).toBeCloseTo(2, 12);
    expect(start.position[1]).toBeCloseTo(1.5, 12);
    expect(start.position[2]).toBeCloseTo(0, 12);
    const quarter = track(2.5);
    expect(quarter.position[0]).toBeCloseTo(0, 12);
    expect(quarter.position[2]).toBeCloseTo(2, 12);
    expect(quarter.step).toBe(75);
    expect(track(10).step).toBe(300);
  });

  it('follow: the camera keeps its offset from the head at the replayed step', () => {
    const track = followTrack((s) => [s, 0, -s], [1, 2, 3], 50, 5);
    expect(track(1)).toEqual({ position: [11, 2, -7], target: [10, 0, -10], step: 10 });
  });

  it('frame times: 2 s at 30 fps is 60 frames at i/30', () => {
    const t = frameTimes(2, 30);
    expect(t).toHaveLength(60);
    expect(t[0]).toBe(0);
    expect(t[59]).toBeCloseTo(59 / 30, 15);
  });
});
