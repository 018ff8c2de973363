/**
 * Events a run emits, shared by the CLI's NDJSON output, the engine host protocol and the
 * dashboard. zod schemas, so a host validates what crosses a thread or process boundary.
 */
import { z } from 'zod';
import { METRIC_NAMES } from '../graph/catalog/metrics';

const finite = z.number();
/** Loss and friends may legitimately be NaN/Inf at divergence; JSON writes those as null. */
const numeric = z.number().nullable();

export const StartEventSchema = z.object({
  type: z.literal('start'),
  run: z.string(),
  backend: z.string(),
  backendReason: z.string(),
  optimizer: z.string(),
  model: z.string(),
  dataset: z.string().nullable(),
  parameters: z.number().int().nonnegative(),
  totalSteps: z.number().int().nonnegative(),
  stepsPerEpoch: z.number().int().positive(),
  seed: z.number().int(),
});

/** Where in a run an event happened: its run, step and epoch. */
const atStep = {
  run: z.string(),
  step: z.number().int().nonnegative(),
  epoch: z.number().int().nonnegative(),
};

export const StepEventSchema = z.object({
  type: z.literal('step'),
  /** θ_k is the point before update k; k = 0 is the start. */
  ...atStep,
  /** Loss at θ_k on this step's batch. */
  loss: numeric,
  /** Learning rate used for update k. */
  lr: finite,
  gradNorm: numeric,
  /** Flattened θ_k, only when traced and the model has ≤ 64 parameters. */
  params: z.array(numeric).optional(),
  /** Wall time since the run started, ms. */
  time: finite,
});

export const EvalEventSchema = z.object({
  type: z.literal('eval'),
  ...atStep,
  valLoss: numeric,
  valAccuracy: numeric.optional(),
  trainLoss: numeric.optional(),
  trainAccuracy: numeric.optional(),
});

/** The metric blocks' names, from the catalog (one `metric.<name>` block each). */
export const MetricNameSchema = z.enum(METRIC_NAMES);
export type MetricName = z.infer<typeof MetricNameSchema>;

/** The eigenvalue spectral density of a `hessianDensity` event (stochastic Lanczos quadrature). */
export const SpectrumSchema = z
  .object({
    /** Eigenvalue grid, ascending; covers [lambdaMin, lambdaMax]. */
    grid: z.array(finite).min(2),
    /** Probability mass at each grid point; sums to 1. */
    weights: z.array(finite.nonnegative()),
    lambdaMin: finite,
    lambdaMax: finite,
    /** Fraction of the spectrum's mass on negative eigenvalues. */
    negativeFraction: finite.min(0).max(1),
  })
  .refine((s) => s.weights.length === s.grid.length, {
    message: 'weights must have one entry per grid point',
    path: ['weights'],
  });
export type Spectrum = z.infer<typeof SpectrumSchema>;

/**
 * One value of a metric block's series. Curvature metrics carry more: `hessianEigs` the top-k
 * eigenvalues (`values`, largest first; `value` is the first), `hessianTrace` the standard
 * error of its estimate, `hessianDensity` the spectrum (`value` is λmax).
 */
export const MetricEventSchema = z.object({
  type: z.literal('metric'),
  run: z.string(),
  /** The metric block's node id. */
  node: z.string(),
  metric: MetricNameSchema,
  step: z.number().int().nonnegative(),
  value: numeric,
  values: z.array(numeric).optional(),
  stderr: numeric.optional(),
  spectrum: SpectrumSchema.optional(),
});

/** A live parameter change, applied before update `step`. */
export const ParamEventSchema = z.object({
  type: z.literal('param'),
  run: z.string(),
  node: z.string(),
  name: z.string(),
  value: z.union([z.number(), z.boolean(), z.string(), z.array(z.number())]),
  step: z.number().int().nonnegative(),
});

export const RunStatusSchema = z.enum(['completed', 'diverged', 'stopped']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const DoneEventSchema = z.object({
  type: z.literal('done'),
  run: z.string(),
  status: RunStatusSchema,
  steps: z.number().int().nonnegative(),
  finalLoss: numeric,
  /** Why it ended, in words (e.g. `diverged at step 17: loss is NaN`). */
  reason: z.string().optional(),
  params: z.array(numeric).optional(),
});

export const RunEventSchema = z.discriminatedUnion('type', [
  StartEventSchema,
  StepEventSchema,
  EvalEventSchema,
  MetricEventSchema,
  ParamEventSchema,
  DoneEventSchema,
]);

export type StartEvent = z.infer<typeof StartEventSchema>;
export type StepEvent = z.infer<typeof StepEventSchema>;
export type EvalEvent = z.infer<typeof EvalEventSchema>;
export type MetricEvent = z.infer<typeof MetricEventSchema>;
export type ParamEvent = z.infer<typeof ParamEventSchema>;
export type DoneEvent = z.infer<typeof DoneEventSchema>;
export type RunEvent = z.infer<typeof RunEventSchema>;

/** Non-finite numbers become null so every event is valid JSON. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
