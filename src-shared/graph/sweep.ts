/**
 * A hyper-parameter sweep saved in the graph document (`"sweep": {…}`): axes over numeric
 * params of the graph's blocks, and how to pick trials from them. Structure only here; what
 * an axis may name is checked against the nodes and the catalog in validate/sweep.ts.
 */
import { z } from 'zod';
import { LIMITS } from './limits';

export const SWEEP_LIMITS = Object.freeze({
  maxAxes: 8,
  /** Values listed on one axis, or taken from its range by a grid. */
  maxValuesPerAxis: 1000,
  /** Trials one sweep may run (the whole grid, or random samples). */
  maxTrials: 1000,
});

export const SWEEP_METHODS = ['grid', 'random'] as const;
export const SWEEP_SCALES = ['linear', 'log'] as const;

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });

export const SweepAxisSchema = z.strictObject({
  /** A node's id; that it exists is a semantic check. */
  node: z.string().min(1).max(LIMITS.maxIdLength),
  param: z.string().min(1).max(100),
  /** Exactly these values… */
  values: z.array(finite).min(1).max(SWEEP_LIMITS.maxValuesPerAxis).optional(),
  /** …or a range [low, high]: `count` evenly spaced values for a grid, samples for random. */
  range: z.tuple([finite, finite]).optional(),
  /** How values are spaced (grid) or drawn (random: log-uniform), and how plots draw the axis. */
  scale: z.enum(SWEEP_SCALES).default('linear'),
  count: z.number().int().min(2).max(SWEEP_LIMITS.maxValuesPerAxis).optional(),
});

/** Stop a trial whose loss at `step` is worse than the median of the trials at that step. */
export const MedianStopSchema = z.strictObject({
  step: z.number().int().min(1).max(10_000_000),
  /** The rule applies only when at least this many trials reach `step`. */
  minTrials: z.number().int().min(2).max(SWEEP_LIMITS.maxTrials).default(4),
});

export const SweepSchema = z.strictObject({
  axes: z.array(SweepAxisSchema).min(1).max(SWEEP_LIMITS.maxAxes),
  method: z.enum(SWEEP_METHODS).default('grid'),
  /** Random: how many samples. Grid: a seeded subset of this many points (all when absent). */
  trials: z.number().int().min(1).max(SWEEP_LIMITS.maxTrials).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
  medianStop: MedianStopSchema.optional(),
});

export type SweepAxis = z.infer<typeof SweepAxisSchema>;
export type MedianStop = z.infer<typeof MedianStopSchema>;
export type Sweep = z.infer<typeof SweepSchema>;
export type SweepMethod = (typeof SWEEP_METHODS)[number];
export type SweepScale = (typeof SWEEP_SCALES)[number];
