/**
 * The exact plane shortcut. Along a plane θ(α, β) = θc + α·δ + β·η, the first layer's kernel
 * and bias are W₀ + αD + βE and b₀ + αd + βe, and its map is affine in them, so
 * map(x, W, b) = map(x, W₀, b₀) + α·(x·D + d) + β·(x·E + e) (the same for a convolution).
 * The three maps are computed once per plane; each point then costs a K = 3 product
 * [1, α, β]·[Z₀; Z_D; Z_E] in place of the first layer (98 % of the FLOPs of an MLP
 * 784-128-10). Exact up to float32 round-off; tests compare it with the plain evaluation.
 */
import * as tf from '@tensorflow/tfjs';
import { planePoint } from '../linalg/vector-math';
import type { Reads } from '../readback';
import type { Batch, FirstLayerSplit, Model, Task } from '../types';
import { paramSize } from './flat-params';
import { metricsFromOutputs } from './output-loss';
import type { PointMetrics } from './point-evaluator';

export interface Plane {
  readonly center: Float32Array;
  readonly delta: Float32Array;
  readonly eta: Float32Array;
}

/** Point (α_g, β_g) for each g; the two arrays have one entry per point. */
export type PlaneStrategy = (
  alphas: readonly number[],
  betas: readonly number[],
) => Reads<PointMetrics>;

export interface PlaneShortcut {
  readonly perPoint: PlaneStrategy;
  /** Null when the model has no batched rest of the pass. */
  readonly batched: PlaneStrategy | null;
  /** Frees the three first-layer maps. */
  dispose(): void;
}

/**
 * Whether the shortcut saves work: the first map costs fan-in multiply-adds per output
 * element, the shortcut's K = 3 product three. Measured on wasm (under load, shortcut vs
 * plain path, whole surfaces): a 3×3 conv on one channel (fan-in 9, the digits CNN) 1.10×,
 * fan-in 64 (digits MLP) 1.28×, 784 3×; smaller fan-ins are not measured and stay plain.
 */
const MIN_FAN_IN = 9;

export function shortcutPays(model: Model): boolean {
  const split = model.firstLayer;
  if (!split || model.task === 'surface') return false;
  const info = model.paramInfo[split.kernel];
  return paramSize(info!.shape) / info!.shape[info!.filterAxis]! >= MIN_FAN_IN;
}

export function createPlaneShortcut(
  model: Model,
  split: FirstLayerSplit,
  batch: Batch,
  plane: Plane,
  read: (loss: tf.Tensor, accuracy: tf.Tensor | null) => Reads<PointMetrics>,
): PlaneShortcut {
  const task: Task = model.task === 'surface' ? 'regression' : model.task;
  const info = model.paramInfo;
  const sizes = info.map((p) => paramSize(p.shape));
  const starts = sizes.map((_, k) => sizes.slice(0, k).reduce((a, b) => a + b, 0));
  const paramOf = (flat: Float32Array, k: number) =>
    tf.tensor(flat.subarray(starts[k]!, starts[k]! + sizes[k]!), [...info[k]!.shape]);
  const folded = (k: number) => k === split.kernel || k === split.bias;

  // The maps of (W₀, b₀), (D, d) and (E, e), rows of one [3, m] matrix; their shape for `rest`.
  let mapShape: number[] = [];
  const maps = tf.tidy(() => {
    const each = [plane.center, plane.delta, plane.eta].map((v) =>
      split.affine(batch.x, paramOf(v, split.kernel), paramOf(v, split.bias)),
    );
    mapShape = each[0]!.shape;
    return tf.concat(
      each.map((z) => tf.reshape(z, [1, -1])),
      0,
    );
  }) as tf.Tensor2D;

  /**
   * [G, m]: [1, α_g, β_g]·[Z₀; Z_D; Z_E], one product whose right operand is the same tensor
   * for the whole plane (wasm packs it once). Elementwise, the broadcast adds cost more than
   * the convolution they replace (measured: 0.6 ms of adds per point on the digits CNN).
   */
  const firstMaps = (alphas: readonly number[], betas: readonly number[]): tf.Tensor2D => {
    const coefficients = new Float32Array(3 * alphas.length);
    for (let g = 0; g < alphas.length; g++) coefficients.set([1, alphas[g]!, betas[g]!], 3 * g);
    return tf.matMul(tf.tensor2d(coefficients, [alphas.length, 3]), maps);
  };

  /** Every parameter but the first kernel and bias (`rest` never reads them), G-stacked or not. */
  const paramsOf = (
    alphas: readonly number[],
    betas: readonly number[],
    stacked: boolean,
  ): tf.Tensor[][] => {
    const flats = alphas.map((a, g) =>
      planePoint(plane.center, plane.delta, plane.eta, a, betas[g]!),
    );
    const unused = tf.scalar(0);
    if (stacked) {
      let offset = 0;
      const out = info.map((p, k) => {
        const start = offset;
        offset += sizes[k]!;
        if (folded(k)) return unused;
        const buf = new Float32Array(flats.length * sizes[k]!);
        for (let g = 0; g < flats.length; g++) {
          buf.set(flats[g]!.subarray(start, start + sizes[k]!), g * sizes[k]!);
        }
        return tf.tensor(buf, [flats.length, ...p.shape]);
      });
      return [out];
    }
    return flats.map((f) => {
      let offset = 0;
      return info.map((p, k) => {
        const start = offset;
        offset += sizes[k]!;
        return folded(k) ? unused : tf.tensor(f.subarray(start, start + sizes[k]!), [...p.shape]);
      });
    });
  };

  const finish = (outputs: tf.Tensor3D): tf.Tensor[] => {
    const m = metricsFromOutputs(outputs, batch.y, task);
    return m.accuracy ? [m.loss, m.accuracy] : [m.loss];
  };

  const perPoint: PlaneStrategy = function* (alphas, betas) {
    const out = tf.tidy(() => {
      const params = paramsOf(alphas, betas, false);
      // One point at a time: a conv's map is large (samples × pixels × channels).
      const outputs = params.map((p, g) =>
        split.rest(p, tf.reshape(firstMaps([alphas[g]!], [betas[g]!]), mapShape)),
      );
      return finish(tf.stack(outputs) as tf.Tensor3D);
    });
    return yield* read(out[0]!, out[1] ?? null);
  };

  const restBatched = split.restBatched;
  const batched: PlaneStrategy | null = restBatched
    ? function* (alphas, betas) {
        const out = tf.tidy(() => {
          const [params] = paramsOf(alphas, betas, true);
          const firsts = firstMaps(alphas, betas);
          return finish(restBatched(params!, tf.reshape(firsts, [alphas.length, ...mapShape])));
        });
        return yield* read(out[0]!, out[1] ?? null);
      }
    : null;

  return { perPoint, batched, dispose: () => maps.dispose() };
}
