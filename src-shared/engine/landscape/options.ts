/** Options of a landscape computation, validated with messages that name the bad field. */
import { z } from 'zod';

const finiteRange = z.tuple([z.number(), z.number()]).refine(([lo, hi]) => lo < hi, {
  message: 'must be [lo, hi] with lo < hi',
});

export const landscapeOptionsSchema = z.object({
  directions: z.enum(['random', 'pca']).default('random'),
  norm: z.enum(['filter', 'layer', 'none']).default('filter'),
  ignoreBiasBN: z.boolean().default(true),
  orthogonalize: z.boolean().default(false),
  grid: z.number().int().min(2).max(401).default(41),
  range: z.number().positive().finite().default(1),
  evalSamples: z.number().int().min(1).default(512),
  seed: z.number().finite().default(0),
  curvature: z.boolean().default(false),
  /** Side of the coarse |λmin/λmax| lattice; 0 for none (needs `curvature`). */
  curvatureGrid: z.number().int().min(0).max(21).default(0),
  /** Power-iteration steps per extreme eigenvalue. */
  curvatureIters: z.number().int().min(1).max(1000).default(100),
  /** Analytic surfaces: the box to draw (e.g. the function's view box). */
  box: z.object({ x: finiteRange, y: finiteRange }).optional(),
  /** Fitted boxes (pca, analytic surfaces) extend this share of the paths' span per side. */
  margin: z.number().min(0).max(10).default(0.15),
  maxPathPoints: z.number().int().min(2).default(500),
  interpolationPoints: z.number().int().min(2).max(1001).default(41),
  coarseStride: z.number().int().min(1).max(64).default(4),
  mode: z.enum(['auto', 'batched', 'perPoint']).default('auto'),
  memoryBudgetBytes: z.number().positive().optional(),
});

export type LandscapeOptionsInput = z.input<typeof landscapeOptionsSchema>;
export type LandscapeOptions = z.output<typeof landscapeOptionsSchema>;

export function parseLandscapeOptions(options: unknown): LandscapeOptions {
  const parsed = landscapeOptionsSchema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (issue) =>
      `options${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`,
  );
  throw new Error(`invalid landscape options:\n${lines.join('\n')}`);
}
