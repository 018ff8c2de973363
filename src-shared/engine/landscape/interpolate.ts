/** 1D landscape: loss along θ(t) = (1 − t)·θa + t·θb (Goodfellow et al. 2015; Li et al. §3). */
import type { Reads } from '../readback';
import type { PointEvaluator } from './point-evaluator';

export interface InterpolationOptions {
  /** Points along t (default 41). */
  readonly points?: number;
  readonly tMin?: number;
  readonly tMax?: number;
}

export interface InterpolationCurve {
  /** Names of the two ends, e.g. `init` and `final`, or two run ids. */
  readonly from: string;
  readonly to: string;
  readonly t: number[];
  readonly loss: number[];
  readonly accuracy?: number[];
}

/** The curve, read where the caller reads. */
export function* interpolate(
  evaluator: PointEvaluator,
  ends: { from: string; to: string; thetaA: Float32Array; thetaB: Float32Array },
  options: InterpolationOptions = {},
): Reads<InterpolationCurve> {
  const { thetaA, thetaB } = ends;
  if (thetaA.length !== thetaB.length) {
    throw new Error(
      `interpolate ${ends.from} → ${ends.to}: ${thetaA.length} vs ${thetaB.length} values`,
    );
  }
  const n = options.points ?? 41;
  const tMin = options.tMin ?? -0.5;
  const tMax = options.tMax ?? 1.5;
  if (!Number.isInteger(n) || n < 2) throw new Error(`interpolation points must be ≥ 2, got ${n}`);
  const t = Array.from({ length: n }, (_, i) => tMin + ((tMax - tMin) * i) / (n - 1));
  const points = t.map((ti) => {
    const p = new Float32Array(thetaA.length);
    for (let j = 0; j < p.length; j++) p[j] = (1 - ti) * thetaA[j]! + ti * thetaB[j]!;
    return p;
  });
  const m = yield* evaluator.metricsOf(points);
  return {
    from: ends.from,
    to: ends.to,
    t,
    loss: Array.from(m.loss),
    ...(m.accuracy ? { accuracy: Array.from(m.accuracy) } : {}),
  };
}
