/**
 * What crosses a thread or a machine in a sweep: trial tasks and their outcomes (worker
 * threads, BullMQ jobs), and the `atlas sweep` NDJSON events. zod, so every host validates.
 */
import { z } from 'zod';
import { EvalEventSchema, StepEventSchema } from './events';

const numeric = z.number().nullable();

export const TrialSettingSchema = z.strictObject({
  node: z.string(),
  param: z.string(),
  value: z.number(),
});

export const TrialSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  settings: z.array(TrialSettingSchema),
});

export const TrialStatusSchema = z.enum(['completed', 'diverged', 'stopped']);
export type TrialStatus = z.infer<typeof TrialStatusSchema>;

/** A trial's numbers: its scored run (the first train block) and how it ended. */
export const TrialSummarySchema = z.strictObject({
  trial: z.number().int().nonnegative(),
  /** Swept values by `node.param`. */
  params: z.record(z.string(), z.number()),
  run: z.string(),
  status: TrialStatusSchema,
  reason: z.string().optional(),
  steps: z.number().int().nonnegative(),
  finalLoss: numeric,
  bestLoss: numeric,
  valLoss: numeric,
  valAccuracy: numeric,
  /** Mean batch loss over the steps up to the median rule's step (when the rule is on). */
  lossAtCheck: numeric.optional(),
  timeMs: z.number().nonnegative(),
});
export type TrialSummary = z.infer<typeof TrialSummarySchema>;

/** One trial to run: the graph (serialized, sweep included), which trial, how far. */
export const TrialTaskSchema = z.strictObject({
  kind: z.literal('trial'),
  graph: z.string(),
  trial: TrialSchema,
  /** Stop after this step (the median rule's first phase); absent: run to the end. */
  stopAfterStep: z.number().int().nonnegative().optional(),
  backend: z.enum(['auto', 'wasm', 'cpu']).default('auto'),
});
export type TrialTask = z.infer<typeof TrialTaskSchema>;

export const TrialOutcomeSchema = z.strictObject({
  kind: z.literal('trial'),
  summary: TrialSummarySchema,
  /** The scored run's step and eval events, in order. */
  events: z.array(z.union([StepEventSchema, EvalEventSchema])),
  backend: z.string(),
});
export type TrialOutcome = z.infer<typeof TrialOutcomeSchema>;

/** `atlas sweep` NDJSON: a trial's start, steps and evals as `run` writes them, its end. */
export const TrialStartEventSchema = z.strictObject({
  type: z.literal('trial'),
  event: z.literal('start'),
  trial: z.number().int().nonnegative(),
  params: z.record(z.string(), z.number()),
});
export const TrialDoneEventSchema = TrialSummarySchema.extend({
  type: z.literal('trial'),
  event: z.literal('done'),
});
export const SweepDoneEventSchema = z.strictObject({
  type: z.literal('sweep-done'),
  trials: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  diverged: z.number().int().nonnegative(),
  stopped: z.number().int().nonnegative(),
  /** Lowest final loss among trials that did not diverge; null when all diverged. */
  best: TrialSummarySchema.nullable(),
});
export type SweepDoneEvent = z.infer<typeof SweepDoneEventSchema>;
