/**
 * The whole landscape job: directions, the progressive surface, projected paths, 1D
 * interpolations and curvature, streamed as progress; the last emission holds the result.
 * Cold and cancellable: unsubscribing stops the work at the next chunk boundary.
 */
import * as tf from '@tensorflow/tfjs';
import { Observable } from 'rxjs';
import { readLater } from '../readback';
import type { Batch, Model } from '../types';
import { type CurvatureMap, curvatureMap, curvatureOf } from './curvature';
import { type EvalData, evalBatch, selectEvalSubset } from './eval-subset';
import { flattenParams } from './flat-params';
import { type InterpolationCurve, interpolate } from './interpolate';
import { chooseBox, choosePlane } from './landscape-plane';
import { type LandscapeOptionsInput, parseLandscapeOptions } from './options';
import { type LandscapePath, pathCoordinates, pathLosses, type TrajectoryInput } from './paths';
import { linspace } from './plane-axes';
import { createPointEvaluator } from './point-evaluator';
import type { LandscapeProgress, LandscapeResult } from './result';
import { fillSurface, type PartialSurface } from './surface';
import type { SurfaceFiller } from './tiles';
import { yieldToEventLoop } from './yield';

export interface LandscapeInput {
  readonly model: Model;
  /** Data to draw the evaluation subset from; not needed for analytic surfaces. */
  readonly evalData?: EvalData;
  /** θc, one array per paramInfo entry. */
  readonly center: readonly Float32Array[];
  /** Initial parameters: adds the init → center interpolation. */
  readonly init?: readonly Float32Array[];
  readonly trajectories: readonly TrajectoryInput[];
  readonly options?: LandscapeOptionsInput;
  /** Fills the surface elsewhere (a pool of workers, by row tiles) instead of here. */
  readonly fillSurface?: SurfaceFiller;
}

class Cancelled extends Error {}

export function computeLandscape(input: LandscapeInput): Observable<LandscapeProgress> {
  return new Observable<LandscapeProgress>((subscriber) => {
    let cancelled = false;
    const isCancelled = () => cancelled || subscriber.closed;
    run(input, (p) => subscriber.next(p), isCancelled).then(
      (result) => {
        if (result) subscriber.next({ phase: 'done', fraction: 1, result });
        subscriber.complete();
      },
      (error: unknown) => {
        if (!(error instanceof Cancelled)) subscriber.error(error);
      },
    );
    return () => {
      cancelled = true;
    };
  });
}

function checkTrajectories(trajectories: readonly TrajectoryInput[], size: number): void {
  trajectories.forEach((t, r) => {
    if (typeof t.run !== 'string' || !Array.isArray(t.params)) {
      throw new Error(`trajectories[${r}] needs a run name and a params array`);
    }
    t.params.forEach((p, s) => {
      if (!(p instanceof Float32Array) || p.length !== size) {
        const got = p instanceof Float32Array ? `${p.length} values` : typeof p;
        throw new Error(`trajectory "${t.run}" step ${s}: expected ${size} parameters, got ${got}`);
      }
    });
  });
}

async function filledElsewhere(
  filler: SurfaceFiller,
  plan: Parameters<SurfaceFiller>[0],
): Promise<PartialSurface> {
  const { loss, accuracy } = await filler(plan);
  const n = plan.alphas.length;
  return {
    grid: n,
    alphas: plan.alphas,
    betas: plan.betas,
    loss,
    accuracy,
    filled: new Uint8Array(n * n).fill(1),
    count: n * n,
    done: true,
  };
}

async function run(
  input: LandscapeInput,
  emit: (p: LandscapeProgress) => void,
  isCancelled: () => boolean,
): Promise<LandscapeResult | null> {
  const { model, trajectories } = input;
  const options = parseLandscapeOptions(input.options);
  const info = model.paramInfo;
  const isSurface = model.task === 'surface';
  const center = flattenParams(input.center, info, 'center');
  const init = input.init ? flattenParams(input.init, info, 'init') : null;
  checkTrajectories(trajectories, center.length);
  if (!isSurface && !input.evalData) throw new Error(`model ${model.type} needs evalData`);
  await yieldToEventLoop();
  if (isCancelled()) return null;
  emit({ phase: 'setup', fraction: 0 });

  const subset = isSurface
    ? null
    : selectEvalSubset(input.evalData!, options.evalSamples, options.seed);
  const batch: Batch | null = subset
    ? evalBatch(subset, model.task === 'surface' ? 'regression' : model.task)
    : null;
  const checkpoint = async () => {
    await yieldToEventLoop();
    if (isCancelled()) throw new Cancelled();
  };
  try {
    const evaluator = createPointEvaluator(model, batch, {
      mode: options.mode,
      memoryBudgetBytes: options.memoryBudgetBytes,
    });
    const notes: string[] = [];

    const { plane, directions, project } = choosePlane(model, center, trajectories, options);

    const coords = trajectories.map((t) => {
      const c = pathCoordinates(t, project, options.maxPathPoints);
      const dropped = t.params.filter((p) => !p.every(Number.isFinite)).length;
      if (dropped) notes.push(`run "${t.run}": ${dropped} non-finite steps left out of its path`);
      return c;
    });
    const pathPoints = coords.flatMap((c) =>
      c.alpha.map((alpha, k) => ({ alpha, beta: c.beta[k]! })),
    );
    const box = chooseBox(model, options, pathPoints, project(center));
    const alphas = linspace(box.alpha[0], box.alpha[1], options.grid);
    const betas = linspace(box.beta[0], box.beta[1], options.grid);

    // The surface: 80% of the progress bar.
    const started = performance.now();
    const surface = input.fillSurface
      ? await filledElsewhere(input.fillSurface, { ...plane, alphas, betas })
      : ((await fillSurface(
          { evaluator, ...plane, alphas, betas, coarseStride: options.coarseStride },
          (s: PartialSurface) =>
            emit({ phase: 'surface', fraction: 0.8 * (s.count / s.loss.length), surface: s }),
          isCancelled,
        )) as PartialSurface | null);
    if (!surface) throw new Cancelled();
    const surfaceMs = performance.now() - started;
    const evaluation = {
      mode: evaluator.mode(),
      surfaceMs,
      pointsPerSecond: surface.loss.length / Math.max(surfaceMs / 1000, 1e-9),
    };
    await checkpoint();

    const paths: LandscapePath[] = [];
    for (let r = 0; r < trajectories.length; r++) {
      paths.push(await readLater(pathLosses(coords[r]!, trajectories[r]!, plane, evaluator)));
      emit({ phase: 'paths', fraction: 0.8 + (0.05 * (r + 1)) / trajectories.length, surface });
      await checkpoint();
    }

    const interpolations: InterpolationCurve[] = [];
    const iopts = { points: options.interpolationPoints };
    if (init) {
      const ends = { from: 'init', to: 'center', thetaA: init, thetaB: center };
      interpolations.push(await readLater(interpolate(evaluator, ends, iopts)));
    }
    const finals = trajectories
      .map((t) => ({
        run: t.run,
        last: [...t.params].reverse().find((p) => p.every(Number.isFinite)),
      }))
      .filter((f): f is { run: string; last: Float32Array } => !!f.last);
    for (let r = 0; r + 1 < finals.length; r++) {
      const [a, b] = [finals[r], finals[r + 1]];
      const ends = { from: a!.run, to: b!.run, thetaA: a!.last, thetaB: b!.last };
      interpolations.push(await readLater(interpolate(evaluator, ends, iopts)));
    }
    emit({ phase: 'interpolation', fraction: 0.9, surface });
    await checkpoint();

    let curvature: LandscapeResult['curvature'];
    if (options.curvature) {
      const power = { iters: options.curvatureIters, seed: options.seed };
      const atCenter = await readLater(curvatureOf(model, batch, center, power));
      let map: CurvatureMap | undefined;
      const k = options.curvatureGrid;
      if (k >= 2) {
        map = await curvatureMap(
          model,
          batch,
          plane,
          linspace(box.alpha[0], box.alpha[1], k),
          linspace(box.beta[0], box.beta[1], k),
          power,
          async (done) => {
            emit({ phase: 'curvature', fraction: 0.9 + (0.1 * done) / (k * k), surface });
            await checkpoint();
          },
        );
      }
      curvature = map ? { center: atCenter, map } : { center: atCenter };
    }

    return {
      format: 'gradient-atlas/landscape',
      version: 1,
      model: { type: model.type, task: model.task, size: model.size },
      axes: [
        { name: isSurface ? 'x' : 'alpha', values: alphas },
        { name: isSurface ? 'y' : 'beta', values: betas },
      ],
      grid: options.grid,
      directions,
      center: Array.from(center),
      evalSamples: subset ? subset.n : 0,
      loss: surface.loss,
      ...(surface.accuracy ? { accuracy: surface.accuracy } : {}),
      paths,
      interpolations,
      ...(curvature ? { curvature } : {}),
      evaluation,
      notes: [...notes, ...evaluator.notes()],
    };
  } finally {
    if (batch) tf.dispose([batch.x, batch.y]);
  }
}
