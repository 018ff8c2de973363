/**
 * The exact plane shortcut. Along a plane θ(α, β) = θc + α·δ + β·η, the first layer's kernel
 * is W₀ + αD + βE and its map is linear in it, so map(x, W) = map(x, W₀) + α·map(x, D) +
 * β·map(x, E). The three maps are computed once per plane; each point then costs an axpy
 * Z₀ + α·Z_D + β·Z_E in place of the first layer (98 % of the FLOPs of an MLP
 * 784-128-10). Exact up to float32 round-off; tests compare it with the plain evaluation.
 */
import * as tf from '@tensorflow/tfjs';
import { planePoint } from '../linalg/vector-math';
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
export type PlaneStrategy = (alphas: readonly number[], betas: readonly number[]) => PointMetrics;

export interface PlaneShortcut {
  readonly perPoint: PlaneStrategy;
  /** Null when the model has no batched rest of the pass. */
  readonly batched: PlaneStrategy | null;
  /** Frees the three first-layer maps. */
  dispose(): void;
}

/**
 * Whether the shortcut saves work: the first map costs fan-in multiply-adds per output
 * element, the shortcut's axpy three elementwise passes over memory. Measured on wasm (under
 * load): fan-in 64 (digits MLP) 1.3× faster, 784 3.5×, but a 3×3 conv on one channel
 * (fan-in 9) 0.7×, so the plain path below 16.
 */
const MIN_FAN_IN = 16;

export function shortcutPays(model: Model): boolean {
  const split = model.firstLayer;
  if (!split || model.task === 'surface') return false;
  const info = model.paramInfo[split.kernel]!;
  return paramSize(info.shape) / info.shape[info.filterAxis]! >= MIN_FAN_IN;
}

export function createPlaneShortcut(
  model: Model,
  split: FirstLayerSplit,
  batch: Batch,
  plane: Plane,
  read: (loss: tf.Tensor, accuracy: tf.Tensor | null) => PointMetrics,
): PlaneShortcut {
  const task: Task = model.task === 'surface' ? 'regression' : model.task;
  const info = model.paramInfo;
  const sizes = info.map((p) => paramSize(p.shape));
  const kernelStart = sizes.slice(0, split.kernel).reduce((a, b) => a + b, 0);
  const kernelShape = [...info[split.kernel]!.shape];
  const kernelOf = (flat: Float32Array) =>
    tf.tensor(flat.subarray(kernelStart, kernelStart + sizes[split.kernel]!), kernelShape);

  // The maps of W₀, D and E, each [1, m] (flattened); their shape for `rest`.
  let mapShape: number[] = [];
  const [z0, zd, ze] = tf.tidy(() => {
    const each = [plane.center, plane.delta, plane.eta].map((v) =>
      split.linear(batch.x, kernelOf(v)),
    );
    mapShape = each[0]!.shape;
    return each.map((z) => tf.reshape(z, [1, -1]));
  }) as tf.Tensor2D[];

  /**
   * [G, m]: Z₀ + α_g·Z_D + β_g·Z_E. Elementwise, not a K = 3 matmul: wasm's matmul is slow
   * for that shape (measured: 5× slower than the plain first layer on the digits MLP).
   */
  const firstMaps = (alphas: readonly number[], betas: readonly number[]): tf.Tensor2D => {
    const column = (v: readonly number[]) => tf.tensor2d(v as number[], [v.length, 1]);
    return tf.add(tf.add(z0!, tf.mul(column(alphas), zd!)), tf.mul(column(betas), ze!));
  };

  /** Every parameter but the first kernel (never read by `rest`), with a leading G if stacked. */
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
        if (k === split.kernel) return unused;
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
        return k === split.kernel
          ? unused
          : tf.tensor(f.subarray(start, start + sizes[k]!), [...p.shape]);
      });
    });
  };

  const finish = (outputs: tf.Tensor3D): tf.Tensor[] => {
    const m = metricsFromOutputs(outputs, batch.y, task);
    return m.accuracy ? [m.loss, m.accuracy] : [m.loss];
  };

  const perPoint: PlaneStrategy = (alphas, betas) => {
    const out = tf.tidy(() => {
      const params = paramsOf(alphas, betas, false);
      // One point at a time: a conv's map is large (samples × pixels × channels).
      const outputs = params.map((p, g) =>
        split.rest(p, tf.reshape(firstMaps([alphas[g]!], [betas[g]!]), mapShape)),
      );
      return finish(tf.stack(outputs) as tf.Tensor3D);
    });
    return read(out[0]!, out[1] ?? null);
  };

  const restBatched = split.restBatched;
  const batched: PlaneStrategy | null = restBatched
    ? (alphas, betas) => {
        const out = tf.tidy(() => {
          const [params] = paramsOf(alphas, betas, true);
          const firsts = firstMaps(alphas, betas);
          return finish(restBatched(params!, tf.reshape(firsts, [alphas.length, ...mapShape])));
        });
        return read(out[0]!, out[1] ?? null);
      }
    : null;

  return { perPoint, batched, dispose: () => tf.dispose([z0, zd, ze]) };
}
