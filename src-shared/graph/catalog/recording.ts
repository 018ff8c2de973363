/**
 * The fly-through recorder's settings, saved in a `view.landscape` block's `recording` param:
 * clip length, frame rate, size, container, camera motion and keyframes. A zod schema checks
 * and normalizes them (defaults filled in, keys in this order) with messages in the catalog's
 * style, so a bad file says e.g. `…params.recording.fps: must be 24, 30 or 60, got 25`.
 */
import { z } from 'zod';
import { describeValue, formatExact, listOptions } from '../format';
import { IdSchema } from '../schema';

export const RECORDING_FPS = [24, 30, 60] as const;
export const RECORDING_FORMATS = ['auto', 'mp4', 'webm'] as const;
export const RECORDING_CAMERAS = ['orbit', 'follow', 'keyframes'] as const;
/** Named video sizes, width × height in pixels. */
export const RECORDING_RESOLUTIONS = {
  '720p': [1280, 720],
  '1080p': [1920, 1080],
  '4k': [3840, 2160],
} as const satisfies Record<string, readonly [number, number]>;
export type NamedResolution = keyof typeof RECORDING_RESOLUTIONS;

export const RECORDING_LIMITS = Object.freeze({
  minDuration: 0.5,
  maxDuration: 600,
  /** Custom video sides, pixels (8K wide at most). */
  minSide: 16,
  maxSide: 7680,
  maxKeyframes: 64,
  /** Camera coordinates and targets, scene units. */
  maxCoordinate: 1e6,
  maxStep: 1e9,
});

const got = (input: unknown) => `got ${describeValue(input)}`;

const bounded = (min: number, max: number, integer = false) => {
  const rule = `must be ${integer ? 'an integer' : 'a number'} between ${formatExact(min)} and ${formatExact(max)}`;
  const message = (iss: { input?: unknown }) => `${rule}, ${got(iss.input)}`;
  const base = z
    .number({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
  return integer ? base.int({ error: message }) : base;
};

const oneOf = <T extends string>(options: readonly [T, ...T[]]) =>
  z.enum(options, { error: (iss) => `must be one of ${listOptions(options)}, ${got(iss.input)}` });

const L = RECORDING_LIMITS;
const NAMED = Object.keys(RECORDING_RESOLUTIONS) as [NamedResolution, ...NamedResolution[]];

/** An object with exactly these keys; `noun` names it, `field` one of its keys. */
const strict = <T extends z.core.$ZodLooseShape>(shape: T, noun: string, field: string) => {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `is not a ${field} (they are: ${keys})`
        : `must be ${noun} { ${keys} }, ${got(iss.input)}`,
  });
};

const CustomSizeSchema = strict(
  {
    width: bounded(L.minSide, L.maxSide, true),
    height: bounded(L.minSide, L.maxSide, true),
  },
  'a size in pixels',
  'size field',
);
type CustomSize = z.output<typeof CustomSizeSchema>;

/** A named size, or a custom one whose own fields are checked (not one vague union error). */
const ResolutionSchema = z.unknown().transform((input, ctx): NamedResolution | CustomSize => {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const size = CustomSizeSchema.safeParse(input);
    if (size.success) return size.data;
    for (const issue of size.error.issues) {
      const { path, message } = issue;
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (keys.length === 0) ctx.issues.push({ code: 'custom', input, path, message });
      for (const key of keys)
        ctx.issues.push({ code: 'custom', input, path: [...path, key], message });
    }
    return z.NEVER;
  }
  if (typeof input === 'string' && Object.hasOwn(RECORDING_RESOLUTIONS, input)) {
    return input as NamedResolution;
  }
  ctx.issues.push({
    code: 'custom',
    input,
    message: `must be ${listOptions(NAMED)} or { "width", "height" } in pixels, ${got(input)}`,
  });
  return z.NEVER;
});

const coordinate = bounded(-L.maxCoordinate, L.maxCoordinate);
const vec3 = z.tuple([coordinate, coordinate, coordinate], {
  error: (iss) => `must be a point [x, y, z] of three numbers, ${got(iss.input)}`,
});

export const KeyframeSchema = strict(
  { position: vec3, target: vec3, step: bounded(0, L.maxStep) },
  'a keyframe',
  'keyframe field',
);

const keyframes = z
  .array(KeyframeSchema, { error: (iss) => `must be a list of keyframes, ${got(iss.input)}` })
  .max(L.maxKeyframes, {
    error: (iss) =>
      `must hold at most ${L.maxKeyframes} keyframes, got ${Array.isArray(iss.input) ? iss.input.length : describeValue(iss.input)}`,
  });

const followRun = z.custom<string | null>((v) => v === null || IdSchema.safeParse(v).success, {
  error: (iss) => `must be null (the first run) or a train block id, ${got(iss.input)}`,
});

export const RecordingSettingsSchema = strict(
  {
    duration: bounded(L.minDuration, L.maxDuration).default(6),
    fps: z
      .literal(RECORDING_FPS, { error: (iss) => `must be 24, 30 or 60, ${got(iss.input)}` })
      .default(30),
    resolution: ResolutionSchema.default('1080p'),
    format: oneOf([...RECORDING_FORMATS]).default('auto'),
    camera: oneOf([...RECORDING_CAMERAS]).default('orbit'),
    followRun: followRun.default(null),
    keyframes: keyframes.default([]),
  },
  "null (the viewer's defaults) or recording settings",
  'recording setting',
);

export type RecordingSettings = z.output<typeof RecordingSettingsSchema>;
export type RecordingKeyframe = z.output<typeof KeyframeSchema>;
export type RecordingResolution = RecordingSettings['resolution'];

/** The settings with every default filled in (what the viewer starts from). */
export const DEFAULT_RECORDING: RecordingSettings = RecordingSettingsSchema.parse({});

/** Pixel size of a resolution. */
export function resolutionSize(resolution: RecordingResolution): {
  width: number;
  height: number;
} {
  if (typeof resolution === 'string') {
    const [width, height] = RECORDING_RESOLUTIONS[resolution];
    return { width, height };
  }
  return { width: resolution.width, height: resolution.height };
}
