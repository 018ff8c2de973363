/**
 * Camera motion over time for the fly-through recorder: eased interpolation between keyframes
 * (position, target, timeline step), and the presets (orbit; follow a run's head). A track is
 * a pure function of time, so each video frame is rendered at its exact time.
 */
export type Vec3 = readonly [number, number, number];

export interface CameraPose {
  readonly position: Vec3;
  readonly target: Vec3;
  /** Timeline step shown in this frame. */
  readonly step: number;
}

/** A keyframe is a pose; keyframes are spread evenly over the duration. */
export type Keyframe = CameraPose;

export type CameraTrack = (t: number) => CameraPose;

/** Smooth start and stop: cubic ease-in-out, ease(0) = 0, ease(½) = ½, ease(1) = 1. */
export function easeInOutCubic(u: number): number {
  const x = Math.min(1, Math.max(0, u));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

const mix = (a: number, b: number, f: number) => a + (b - a) * f;
const mix3 = (a: Vec3, b: Vec3, f: number): Vec3 => [
  mix(a[0], b[0], f),
  mix(a[1], b[1], f),
  mix(a[2], b[2], f),
];

/** Keyframe k sits at time k·duration/(K−1); between two, eased interpolation. */
export function keyframeTrack(keyframes: readonly Keyframe[], duration: number): CameraTrack {
  if (keyframes.length === 0) throw new Error('a keyframe track needs at least one keyframe');
  if (!(duration > 0)) throw new Error(`duration must be positive, got ${duration}`);
  const segments = keyframes.length - 1;
  return (t) => {
    if (segments === 0) return keyframes[0]!;
    const x = (Math.min(duration, Math.max(0, t)) / duration) * segments;
    const k = Math.min(segments - 1, Math.floor(x));
    const f = easeInOutCubic(x - k);
    const a = keyframes[k]!;
    const b = keyframes[k + 1]!;
    return {
      position: mix3(a.position, b.position, f),
      target: mix3(a.target, b.target, f),
      step: mix(a.step, b.step, f),
    };
  };
}

/** One turn around `target` at `radius` and `height`, replaying steps 0 → lastStep. */
export function orbitTrack(
  target: Vec3,
  radius: number,
  height: number,
  lastStep: number,
  duration: number,
  startAngle = Math.PI / 4,
): CameraTrack {
  return (t) => {
    const u = Math.min(1, Math.max(0, t / duration));
    const angle = startAngle + 2 * Math.PI * u;
    return {
      position: [
        target[0] + radius * Math.cos(angle),
        target[1] + height,
        target[2] + radius * Math.sin(angle),
      ],
      target,
      step: lastStep * u,
    };
  };
}

/**
 * Trails a run's head: the camera stays `offset` from the head (smoothed by looking a little
 * ahead), replaying steps 0 → lastStep.
 */
export function followTrack(
  head: (step: number) => Vec3,
  offset: Vec3,
  lastStep: number,
  duration: number,
): CameraTrack {
  return (t) => {
    const u = Math.min(1, Math.max(0, t / duration));
    const step = lastStep * u;
    const p = head(step);
    return {
      position: [p[0] + offset[0], p[1] + offset[1], p[2] + offset[2]],
      target: p,
      step,
    };
  };
}

/** Exact frame times of a clip: frame i at i / fps, round(duration · fps) frames. */
export function frameTimes(duration: number, fps: number): number[] {
  const count = Math.max(1, Math.round(duration * fps));
  return Array.from({ length: count }, (_, i) => i / fps);
}
