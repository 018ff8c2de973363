/**
 * The engine host protocol: commands from the UI to wherever the engine runs (a Web Worker
 * in web mode, Electron's compute window, Node in tests) and messages back. Both ends
 * validate with these schemas; run events travel in batches so thousands per second do not
 * flood the UI. Every load is a numbered *launch*: messages carry it, so events of a
 * stopped launch that arrive late are never mistaken for the new one.
 */
import { z } from 'zod';
import { RunEventSchema } from './events';
import {
  LandscapeCancelCommandSchema,
  LandscapeCommandSchema,
  LandscapeProgressMessageSchema,
  LandscapeResultMessageSchema,
} from './landscape';

const paramValue = z.union([
  z.number(),
  z.boolean(),
  z.string().max(4096),
  z.array(z.number()).max(64),
]);
const launch = z.number().int().nonnegative();

/** Largest data file (CSV) a load may carry. */
export const MAX_DATA_FILE_CHARS = 32 * 1024 * 1024;
const runId = z.string().min(1).max(200);

/** Highest pace a setSpeed command may ask for (anything faster is "max": null). */
export const MAX_STEPS_PER_SECOND = 10_000;

/** Grid cells per side of a decision-boundary request. */
export const BOUNDARY_MIN_RESOLUTION = 8;
export const BOUNDARY_MAX_RESOLUTION = 128;
/** Classes a decision boundary can show (the 2D datasets have at most this many). */
export const BOUNDARY_MAX_CLASSES = 16;
/** Points sent with a decision boundary, per split. */
export const BOUNDARY_MAX_POINTS = 20_000;

export const EngineCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('load'),
    /** The graph document as JSON text (re-validated by the engine). */
    graph: z.string().max(5 * 1024 * 1024),
    /** Chosen by the UI; echoed on every message about this load. */
    launch: launch.optional(),
    traceParams: z.boolean().optional(),
    /** Caps every run at this many updates. */
    maxSteps: z.number().int().positive().optional(),
    /**
     * Text of the user's files the graph names (dataset.csv paths), for hosts without file
     * access (the web Worker): path → content.
     */
    files: z
      .record(z.string().min(1).max(1024), z.string().max(MAX_DATA_FILE_CHARS))
      .refine((files) => Object.keys(files).length <= 16, 'at most 16 files')
      .optional(),
  }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('step') }),
  z.object({ type: z.literal('stop') }),
  /** Paces training to at most this many rounds (one update of every run) per second; null: max. */
  z.object({
    type: z.literal('setSpeed'),
    stepsPerSecond: z.number().positive().max(MAX_STEPS_PER_SECOND).nullable(),
  }),
  z.object({
    type: z.literal('setParam'),
    node: z.string().min(1).max(200),
    name: z.string().min(1).max(200),
    value: paramValue,
  }),
  /** The model's class probabilities on a grid over the data (2D classification only). */
  z.object({
    type: z.literal('boundary'),
    run: runId,
    resolution: z.number().int().min(BOUNDARY_MIN_RESOLUTION).max(BOUNDARY_MAX_RESOLUTION),
  }),
  /** A run's model at its current (or final) parameters, in the tfjs Layers format. */
  z.object({ type: z.literal('exportModel'), run: runId }),
  /** The loss landscape of a view.landscape block (see ./landscape). */
  LandscapeCommandSchema,
  LandscapeCancelCommandSchema,
]);
export type EngineCommand = z.infer<typeof EngineCommandSchema>;

export const EngineStateSchema = z.enum(['idle', 'loaded', 'running', 'paused', 'finished']);
export type EngineState = z.infer<typeof EngineStateSchema>;

const float32 = z.custom<Float32Array>((v) => v instanceof Float32Array, {
  error: 'expected a Float32Array',
});

export const PointSetSchema = z
  .object({
    /** n × 2 coordinates, row-major. */
    x: float32,
    /** n class indices. */
    label: float32,
  })
  .refine((p) => p.x.length === 2 * p.label.length && p.label.length <= BOUNDARY_MAX_POINTS, {
    error: 'points: x must hold 2 numbers per label, at most 20000 points',
  });
export type PointSet = z.infer<typeof PointSetSchema>;

export const BoundaryMessageSchema = z
  .object({
    type: z.literal('boundary'),
    launch,
    run: runId,
    /** Updates done when the probabilities were computed. */
    step: z.number().int().nonnegative(),
    resolution: z.number().int().min(BOUNDARY_MIN_RESOLUTION).max(BOUNDARY_MAX_RESOLUTION),
    classes: z.number().int().min(2).max(BOUNDARY_MAX_CLASSES),
    /** The grid covers [x0, x1] × [y0, y1]; cell (i, j) is row i (y, bottom up), column j (x). */
    extent: z.object({ x0: z.number(), x1: z.number(), y0: z.number(), y1: z.number() }),
    /** resolution² × classes probabilities, row-major by cell. */
    probs: float32,
    train: PointSetSchema,
    val: PointSetSchema,
  })
  .refine((m) => m.probs.length === m.resolution * m.resolution * m.classes, {
    error: 'probs must hold resolution² × classes numbers',
    path: ['probs'],
  });
export type BoundaryMessage = z.infer<typeof BoundaryMessageSchema>;

/** Largest exported model.json text and weights.bin (the import limits: 2^22 floats). */
export const MAX_EXPORT_JSON_CHARS = 8 * 1024 * 1024;
export const MAX_EXPORT_WEIGHT_BYTES = 4 * 2 ** 22;

export const ModelExportMessageSchema = z.object({
  type: z.literal('modelExport'),
  launch,
  run: runId,
  /** Updates done at the exported parameters. */
  step: z.number().int().nonnegative(),
  /** model.json, as text. */
  modelJson: z.string().max(MAX_EXPORT_JSON_CHARS),
  /** weights.bin. */
  weights: z.custom<Uint8Array>(
    (v) => v instanceof Uint8Array && v.length <= MAX_EXPORT_WEIGHT_BYTES,
    { error: 'expected weights as a Uint8Array of at most 16 MiB' },
  ),
});
export type ModelExportMessage = z.infer<typeof ModelExportMessageSchema>;

export const EngineMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    backend: z.string(),
    reason: z.string(),
    host: z.enum(['worker', 'electron', 'node']),
  }),
  z.object({ type: z.literal('state'), launch, state: EngineStateSchema }),
  /** Run events in the order they happened. */
  z.object({ type: z.literal('events'), launch, events: z.array(RunEventSchema) }),
  /** A command that could not be carried out; nothing changed. */
  z.object({
    type: z.literal('error'),
    command: z.string(),
    problems: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
  BoundaryMessageSchema,
  ModelExportMessageSchema,
  LandscapeProgressMessageSchema,
  LandscapeResultMessageSchema,
]);
export type EngineMessage = z.infer<typeof EngineMessageSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function firstIssue(what: string, error: z.ZodError): string {
  const first = error.issues[0];
  return `invalid ${what}: ${first ? `${first.path.join('.') || '(message)'}: ${first.message}` : 'unknown'}`;
}

/** Validates a command from the UI; a bad one becomes a readable error, never a throw. */
export function parseEngineCommand(
  data: unknown,
): { ok: true; command: EngineCommand } | { ok: false; message: string } {
  const result = EngineCommandSchema.safeParse(data);
  if (result.success) return { ok: true, command: result.data };
  return { ok: false, message: firstIssue('engine command', result.error) };
}

/** Validates a message from the engine host; a bad one becomes a readable error. */
export function parseEngineMessage(data: unknown): Parsed<EngineMessage> {
  const result = EngineMessageSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: firstIssue('engine message', result.error) };
}
