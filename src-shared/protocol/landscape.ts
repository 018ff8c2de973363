/**
 * Landscape messages of the engine host protocol: the UI asks for the loss landscape of a
 * `view.landscape` block (or of every run) and gets partial surfaces while the grid fills in,
 * then the result. The surface travels as a Float32Array (structured clone, no JSON); path and
 * axis numbers may be non-finite (a diverged run), so they are checked as plain numbers.
 */
import { z } from 'zod';

/** Largest grid a viewer may ask for (the engine's own limit). */
export const LANDSCAPE_MAX_GRID = 401;

const id = z.string().min(1).max(200);
const launch = z.number().int().nonnegative();
/** Echoed on every answer so the UI can drop answers to requests it has replaced. */
const request = z.number().int().nonnegative();
/** Any number, NaN and ±Infinity included (zod's number refuses them). */
const anyNumber = z.custom<number>((v) => typeof v === 'number', { error: 'expected a number' });
const numbers = z.array(anyNumber).max(1_000_000);
const float32 = z.custom<Float32Array>((v) => v instanceof Float32Array, {
  error: 'expected a Float32Array',
});

export const LandscapeCommandSchema = z.object({
  type: z.literal('landscape'),
  request,
  /** A view.landscape block id; absent: the graph's first view (or every run when none). */
  view: id.optional(),
  grid: z.number().int().min(3).max(LANDSCAPE_MAX_GRID).optional(),
  range: z.number().positive().max(1e6).optional(),
  directions: z.enum(['random', 'pca']).optional(),
  /** Hessian eigenvalues at the center (for the critical-point markers). */
  curvature: z.boolean().optional(),
  /**
   * Side of a λmax/λmin lattice over the plane (Li et al. 2018, Fig. 7), for colouring the
   * surface by curvature; each lattice point costs two power iterations (exact on surfaces).
   */
  curvatureMap: z.number().int().min(2).max(21).optional(),
  /**
   * While runs train: grow their paths on the plane of this view's last full landscape (no
   * surface recompute), answered by a landscapeResult with that surface. Without one, a full
   * landscape is computed.
   */
  pathsOnly: z.boolean().optional(),
});
export type LandscapeCommand = z.infer<typeof LandscapeCommandSchema>;

export const LandscapeCancelCommandSchema = z.object({ type: z.literal('landscapeCancel') });

const axis = z.object({ name: z.string().max(20), values: numbers });

export const WirePathSchema = z.object({
  run: id,
  /** Recorded step of each point. */
  steps: numbers,
  alpha: numbers,
  beta: numbers,
  offPlane: numbers,
  /** Loss at the projected point (on the drawn surface) and at θ itself. */
  loss: numbers,
  trueLoss: numbers,
});
export type WirePath = z.infer<typeof WirePathSchema>;

export const CriticalKindSchema = z.enum(['minimum', 'maximum', 'saddle', 'flat']);

/** The part of a LandscapeResult the viewer draws. */
export const WireLandscapeSchema = z
  .object({
    axes: z.tuple([axis, axis]),
    grid: z.number().int().min(2).max(LANDSCAPE_MAX_GRID),
    loss: float32,
    directions: z.object({
      type: z.enum(['random', 'pca', 'axes']),
      explainedVariance: z.tuple([anyNumber, anyNumber]).optional(),
    }),
    model: z.object({ type: z.string().max(100), task: z.string().max(40), size: z.number() }),
    paths: z.array(WirePathSchema).max(64),
    curvature: z
      .object({ lambdaMax: anyNumber, lambdaMin: anyNumber, kind: CriticalKindSchema })
      .optional(),
    /** Extreme Hessian eigenvalues on a lattice of the plane, row-major (k = j·grid + i). */
    curvatureMap: z
      .object({
        grid: z.number().int().min(2).max(21),
        alphas: numbers,
        betas: numbers,
        lambdaMax: numbers,
        lambdaMin: numbers,
      })
      .refine(
        (m) =>
          m.alphas.length === m.grid &&
          m.betas.length === m.grid &&
          m.lambdaMax.length === m.grid ** 2 &&
          m.lambdaMin.length === m.grid ** 2,
        { error: 'a curvature map holds grid axis values and grid × grid eigenvalues' },
      )
      .optional(),
    notes: z.array(z.string().max(2000)).max(50),
  })
  .refine((l) => l.loss.length === l.grid * l.grid, {
    error: 'loss must hold grid × grid values',
    path: ['loss'],
  });
export type WireLandscape = z.infer<typeof WireLandscapeSchema>;

const about = {
  launch,
  request,
  view: id,
  runs: z.array(id).max(64),
  /** The analytic surface's name (model.surface `fn`), when the model is one. */
  surfaceFn: z.string().max(40).optional(),
};

export const LandscapeProgressMessageSchema = z
  .object({
    type: z.literal('landscapeProgress'),
    ...about,
    phase: z.enum(['setup', 'surface', 'paths', 'interpolation', 'curvature', 'done']),
    fraction: z.number().min(0).max(1),
    /** The surface so far: NaN where not yet computed. */
    surface: z
      .object({
        grid: z.number().int().min(2).max(LANDSCAPE_MAX_GRID),
        alphas: numbers,
        betas: numbers,
        loss: float32,
        count: z.number().int().nonnegative(),
      })
      .optional(),
  })
  .refine((m) => !m.surface || m.surface.loss.length === m.surface.grid ** 2, {
    error: 'surface.loss must hold grid × grid values',
    path: ['surface', 'loss'],
  });
export type LandscapeProgressMessage = z.infer<typeof LandscapeProgressMessageSchema>;

export const LandscapeResultMessageSchema = z.object({
  type: z.literal('landscapeResult'),
  ...about,
  result: WireLandscapeSchema,
});
export type LandscapeResultMessage = z.infer<typeof LandscapeResultMessageSchema>;
