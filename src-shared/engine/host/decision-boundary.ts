/**
 * The decision boundary of a 2D classifier (TensorFlow Playground's main view): the model's
 * class probabilities on a grid over the data's extent, at given parameters, plus the points.
 */

import * as tf from '@tensorflow/tfjs';
import { BOUNDARY_MAX_CLASSES, BOUNDARY_MAX_POINTS, type PointSet } from '../../protocol/engine';
import { classProbabilities } from '../models/layers';
import { type Reads, readNow, valuesOf } from '../readback';
import type { DataSplit, Dataset, Model } from '../types';

export interface BoundaryGrid {
  readonly resolution: number;
  readonly classes: number;
  readonly extent: { x0: number; x1: number; y0: number; y1: number };
  readonly probs: Float32Array;
  readonly train: PointSet;
  readonly val: PointSet;
}

/** Why this model/dataset pair has no decision boundary to draw, or null when it has one. */
export function boundaryUnavailable(model: Model, dataset: Dataset | null): string | null {
  if (!dataset) return `${model.type} has no data, so no decision boundary`;
  if (dataset.task !== 'classification') return `${dataset.type} is not a classification dataset`;
  if (dataset.numFeatures !== 2 || dataset.imageShape) {
    return `${dataset.type} has ${dataset.numFeatures} features; a decision boundary needs 2`;
  }
  if (dataset.numClasses > BOUNDARY_MAX_CLASSES) {
    return `${dataset.type} has ${dataset.numClasses} classes; at most ${BOUNDARY_MAX_CLASSES} can be drawn`;
  }
  return null;
}

/** The box holding every point, padded by 10% so no point sits on the edge. */
export function dataExtent(splits: readonly DataSplit[]): BoundaryGrid['extent'] {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const split of splits) {
    for (let i = 0; i < split.n; i++) {
      const x = split.x[2 * i]!;
      const y = split.x[2 * i + 1]!;
      if (Number.isFinite(x)) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
      }
      if (Number.isFinite(y)) {
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  if (!Number.isFinite(x0)) [x0, x1] = [-1, 1];
  if (!Number.isFinite(y0)) [y0, y1] = [-1, 1];
  const padX = Math.max((x1 - x0) * 0.1, 1e-3);
  const padY = Math.max((y1 - y0) * 0.1, 1e-3);
  return { x0: x0 - padX, x1: x1 + padX, y0: y0 - padY, y1: y1 + padY };
}

/** Cell centres, row i (y, bottom up) then column j (x), as an n × 2 row-major array. */
export function gridPoints(extent: BoundaryGrid['extent'], resolution: number): Float32Array {
  const out = new Float32Array(resolution * resolution * 2);
  const dx = (extent.x1 - extent.x0) / resolution;
  const dy = (extent.y1 - extent.y0) / resolution;
  for (let i = 0; i < resolution; i++) {
    for (let j = 0; j < resolution; j++) {
      const cell = i * resolution + j;
      out[2 * cell] = extent.x0 + (j + 0.5) * dx;
      out[2 * cell + 1] = extent.y0 + (i + 0.5) * dy;
    }
  }
  return out;
}

function pointsOf(split: DataSplit): PointSet {
  const n = Math.min(split.n, BOUNDARY_MAX_POINTS);
  return { x: split.x.slice(0, 2 * n), label: split.y.slice(0, n) };
}

/** Class probabilities on the grid for `values` (one array per model parameter). */
export function decisionBoundary(
  model: Model,
  dataset: Dataset,
  values: readonly Float32Array[],
  resolution: number,
): BoundaryGrid {
  return readNow(boundaryOf(model, dataset, values, resolution));
}

/** decisionBoundary, read where the caller reads. */
export function* boundaryOf(
  model: Model,
  dataset: Dataset,
  values: readonly Float32Array[],
  resolution: number,
): Reads<BoundaryGrid> {
  const why = boundaryUnavailable(model, dataset);
  if (why) throw new Error(why);
  const extent = dataExtent([dataset.train, dataset.val]);
  const grid = gridPoints(extent, resolution);
  const probabilities = tf.tidy(() => {
    const params = values.map((v, i) => tf.tensor(v, [...model.paramInfo[i]!.shape]));
    const x = tf.tensor2d(grid, [resolution * resolution, 2]);
    return classProbabilities(model.forward(params, x));
  });
  let probs: Float32Array;
  try {
    probs = (yield* valuesOf(probabilities))[0] as Float32Array;
  } finally {
    probabilities.dispose();
  }
  return {
    resolution,
    classes: dataset.numClasses,
    extent,
    probs: Float32Array.from(probs),
    train: pointsOf(dataset.train),
    val: pointsOf(dataset.val),
  };
}
