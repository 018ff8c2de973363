/** A landscape row tile as a task for a pool or queue worker, and what it sends back. */
import { z } from 'zod';

export const TileTaskSchema = z.strictObject({
  kind: z.literal('tile'),
  /** The graph (serialized): the worker rebuilds the model and data from it, untrained. */
  graph: z.string(),
  seed: z.number().int().optional(),
  maxSteps: z.number().int().positive().optional(),
  /** The train block whose model and dataset the landscape shows. */
  run: z.string(),
  evalSamples: z.number().int().positive(),
  evalSeed: z.number(),
  mode: z.enum(['auto', 'batched', 'perPoint']),
  center: z.array(z.number()),
  delta: z.array(z.number()),
  eta: z.array(z.number()),
  alphas: z.array(z.number()),
  /** This tile's rows of the β axis. */
  betas: z.array(z.number()),
  row0: z.number().int().nonnegative(),
  backend: z.enum(['auto', 'wasm', 'cpu']).default('auto'),
});
export type TileTask = z.infer<typeof TileTaskSchema>;

export const TileOutcomeSchema = z.strictObject({
  kind: z.literal('tile'),
  row0: z.number().int().nonnegative(),
  /** NaN/Inf travel as null. */
  loss: z.array(z.number().nullable()),
  accuracy: z.array(z.number().nullable()).nullable(),
});
export type TileOutcome = z.infer<typeof TileOutcomeSchema>;
