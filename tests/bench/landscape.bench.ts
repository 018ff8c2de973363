/**
 * Landscape grid throughput on the wasm backend, side by side in one run: a 51×51 surface of
 * an MLP 2-32-32-2 on 1 000 points, computed by the landscape engine (batched, its chunked
 * per-point strategy, and `auto`) against a plain per-point loop that sets the model's weights
 * (variable.assign) and evaluates loss and accuracy once per grid point. Target in DESIGN.md: ≥ 20×.
 * Run alone: `npx tsx tests/bench/landscape.bench.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { pathToFileURL } from 'node:url';
import { randomPlane } from '../../src-shared/engine/landscape/directions';
import { evalBatch, selectEvalSubset } from '../../src-shared/engine/landscape/eval-subset';
import { flattenParams, unflattenParams } from '../../src-shared/engine/landscape/flat-params';
import { linspace } from '../../src-shared/engine/landscape/plane-axes';
import {
  createPointEvaluator,
  type EvalMode,
} from '../../src-shared/engine/landscape/point-evaluator';
import { fillSurface } from '../../src-shared/engine/landscape/surface';
import { planePoint } from '../../src-shared/engine/linalg/vector-math';
import { createModel, softmaxCrossEntropy } from '../../src-shared/engine/models';
import { createRng } from '../../src-shared/engine/random';
import type { Batch, Model } from '../../src-shared/engine/types';
import type { BenchRow } from './report';

const GRID = 51;
const SAMPLES = 1000;
const REPEATS = 3;

const best = <T extends { rate: number }>(a: T, b: T): T => (b.rate > a.rate ? b : a);

interface Setup {
  readonly model: Model;
  readonly batch: Batch;
  readonly plane: { center: Float32Array; delta: Float32Array; eta: Float32Array };
  readonly axis: number[];
}

function setup(): Setup {
  const model = createModel(
    'model.mlp',
    { hidden: [32, 32], activation: 'relu', seed: 1 },
    { task: 'classification', numFeatures: 2, numClasses: 2 },
  );
  const rng = createRng(5);
  const x = Float32Array.from({ length: 2 * SAMPLES }, () => rng.gaussian());
  const y = Float32Array.from({ length: SAMPLES }, (_, i) =>
    x[2 * i]! * x[2 * i + 1]! > 0 ? 1 : 0,
  );
  const batch = evalBatch(selectEvalSubset({ x, y, n: SAMPLES }, SAMPLES, 0), 'classification');
  const center = flattenParams(model.initialValues(), model.paramInfo);
  const directions = randomPlane(center, model.paramInfo, {
    norm: 'filter',
    ignoreBiasBN: true,
    seed: 0,
  });
  return { model, batch, plane: { center, ...directions }, axis: linspace(-1, 1, GRID) };
}

/** Points per second of the landscape engine's surface in `mode`, and its checksum. */
async function engineRate(
  s: Setup,
  mode: EvalMode,
): Promise<{ rate: number; sum: number; used: string }> {
  const evaluator = createPointEvaluator(s.model, s.batch, { mode });
  const t0 = performance.now();
  const surface = await fillSurface(
    { evaluator, ...s.plane, alphas: s.axis, betas: s.axis },
    () => {},
    () => false,
  );
  const ms = performance.now() - t0;
  return {
    rate: (GRID * GRID) / (ms / 1000),
    sum: checksum(surface!.loss),
    used: evaluator.mode(),
  };
}

/** The baseline: per grid point, set the weights, evaluate loss and accuracy, read them back. */
function loopRate(s: Setup): { rate: number; sum: number; accuracy: number } {
  const { model, batch, plane, axis } = s;
  const vars = model.paramInfo.map((p) => tf.variable(tf.zeros([...p.shape])));
  const loss = new Float32Array(GRID * GRID);
  let accuracy = 0;
  const t0 = performance.now();
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      const theta = unflattenParams(
        planePoint(plane.center, plane.delta, plane.eta, axis[i]!, axis[j]!),
        model.paramInfo,
      );
      vars.forEach((v, k) => {
        const value = tf.tensor(theta[k]!, v.shape);
        v.assign(value);
        value.dispose();
      });
      // "Evaluate" as Keras does: loss and accuracy, both read back.
      const [l, acc] = tf.tidy(() => {
        const out = model.forward(vars, batch.x);
        const hit = tf.cast(tf.equal(tf.argMax(out, 1), batch.y), 'float32');
        return [softmaxCrossEntropy(out, batch.y), tf.mean(hit)];
      });
      loss[j * GRID + i] = l.dataSync()[0]!;
      accuracy += acc.dataSync()[0];
      tf.dispose([l, acc]);
    }
  }
  const ms = performance.now() - t0;
  tf.dispose(vars);
  return { rate: (GRID * GRID) / (ms / 1000), sum: checksum(loss), accuracy };
}

/**
 * A second reference: the loop most landscape scripts run (Li et al.'s included), a Keras-style
 * model whose weights are set per grid point and which is then `evaluate`d. Same architecture,
 * same data; softmax output with categorical cross-entropy, as Keras users write it.
 */
function kerasLoopRate(s: Setup): number {
  const { model, batch, plane } = s;
  const keras = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 32, activation: 'relu' }),
      tf.layers.dense({ units: 32, activation: 'relu' }),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  keras.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const yOneHot = tf.oneHot(tf.cast(batch.y, 'int32'), 2);
  const axis = linspace(-1, 1, 11); // fewer points: this loop is slow, and rate is per point
  const t0 = performance.now();
  for (const beta of axis) {
    for (const alpha of axis) {
      const theta = unflattenParams(
        planePoint(plane.center, plane.delta, plane.eta, alpha, beta),
        model.paramInfo,
      );
      const weights = theta.map((values, k) => tf.tensor(values, [...model.paramInfo[k]!.shape]));
      keras.setWeights(weights);
      tf.dispose(weights);
      const result = keras.evaluate(batch.x, yOneHot, { batchSize: SAMPLES }) as tf.Scalar[];
      for (const r of result) r.dataSync();
      tf.dispose(result);
    }
  }
  const ms = performance.now() - t0;
  tf.dispose(yOneHot);
  keras.dispose();
  return (axis.length * axis.length) / (ms / 1000);
}

const checksum = (a: Float32Array): number => a.reduce((s, v) => s + v, 0);

export interface LandscapeBenchFigures {
  readonly backend: string;
  readonly loopPointsPerSecond: number;
  readonly engine: Record<EvalMode, { pointsPerSecond: number; used: string }>;
}

export async function benchLandscape(): Promise<{
  rows: BenchRow[];
  figures: LandscapeBenchFigures;
}> {
  await tf.setBackend('wasm');
  await tf.ready();
  const s = setup();
  try {
    // Warm both paths (kernel set-up, allocator) before timing.
    const warm = { ...s, axis: linspace(-1, 1, 9) };
    await engineRate(warm, 'batched');
    await engineRate(warm, 'perPoint');
    // Best of REPEATS, interleaved: the machine is shared, so the fastest run is the least disturbed.
    let keras = kerasLoopRate(s);
    let loop = loopRate(s);
    let batched = await engineRate(s, 'batched');
    let perPoint = await engineRate(s, 'perPoint');
    let auto = await engineRate(s, 'auto');
    for (let r = 1; r < REPEATS; r++) {
      keras = Math.max(keras, kerasLoopRate(s));
      loop = best(loop, loopRate(s));
      batched = best(batched, await engineRate(s, 'batched'));
      perPoint = best(perPoint, await engineRate(s, 'perPoint'));
      auto = best(auto, await engineRate(s, 'auto'));
    }
    for (const r of [batched, perPoint, auto]) {
      if (Math.abs(r.sum - loop.sum) > 1e-3 * Math.abs(loop.sum)) {
        throw new Error(`landscape bench: surfaces differ (checksum ${r.sum} vs loop ${loop.sum})`);
      }
    }
    const fmt = (rate: number) => `${rate.toFixed(0)} pts/s`;
    const name = `landscape 51² MLP 2-32-32-2, 1000 pts (${tf.getBackend()})`;
    const row = (label: string, rate: number): BenchRow => ({
      bench: `${name}: ${label}`,
      a: fmt(rate),
      b: `per-point loop ${fmt(loop.rate)}`,
      ratio: rate / loop.rate,
      target: '≥ 20×',
    });
    return {
      rows: [
        row('batched', batched.rate),
        row('chunked per-point', perPoint.rate),
        row(`auto (chose ${auto.used})`, auto.rate),
        {
          bench: `${name}: auto vs Keras-style loop`,
          a: fmt(auto.rate),
          b: `setWeights+evaluate ${fmt(keras)}`,
          ratio: auto.rate / keras,
          target: '≥ 20×',
        },
      ],
      figures: {
        backend: tf.getBackend(),
        loopPointsPerSecond: loop.rate,
        engine: {
          batched: { pointsPerSecond: batched.rate, used: batched.used },
          perPoint: { pointsPerSecond: perPoint.rate, used: perPoint.used },
          auto: { pointsPerSecond: auto.rate, used: auto.used },
        },
      },
    };
  } finally {
    tf.dispose([s.batch.x, s.batch.y]);
  }
}

export async function benchLandscapeRows(): Promise<BenchRow[]> {
  return (await benchLandscape()).rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { formatTable } = await import('./report');
  console.log(formatTable(await benchLandscapeRows()));
}
