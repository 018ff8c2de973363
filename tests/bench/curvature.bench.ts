/**
 * Curvature cost on the wasm backend, side by side in one run, on the digits MLP
 * (dataset.digits, model.mlp hidden [32, 32] relu, batch 32):
 *  1. one metric.hessianEigs call (k = 5, Lanczos, 512 training examples) vs one training step;
 *  2. one exact Hessian-vector product (the R pass) vs one gradient, on the same 512 examples.
 */
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../../src-main/host/nodeBackend';
import { standaloneOptimizer } from '../../src-shared/engine/blocks/optimizer-block';
import { modelHvp } from '../../src-shared/engine/curvature';
import { CurvatureProbe } from '../../src-shared/engine/curvature/curvature-metrics';
import { createDataset } from '../../src-shared/engine/datasets';
import { createModel } from '../../src-shared/engine/models';
import { createOptimizer } from '../../src-shared/engine/optimizers';
import { createRng } from '../../src-shared/engine/random';
import { TrainRun } from '../../src-shared/engine/training/train-run';
import type { BenchRow } from './report';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeEach(times: number, fn: () => void): number {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

export async function benchCurvature(): Promise<BenchRow[]> {
  const backend = await initNodeBackend('wasm');
  process.stderr.write(`bench: curvature on ${backend.name}\n`);
  const dataset = createDataset('dataset.digits', {});
  const model = createModel('model.mlp', { hidden: [32, 32], activation: 'relu' }, dataset);
  const run = new TrainRun({
    id: 'bench',
    dataset,
    model,
    initial: model.initialValues(),
    optimizer: standaloneOptimizer(createOptimizer('optimizer.adam', { lr: 1e-3 })),
    settings: {
      epochs: 1000,
      batchSize: 32,
      maxSteps: 10_000,
      shuffle: true,
      evalEvery: 0,
      seed: 1,
    },
    traceParams: false,
    rng: createRng(1),
    now: () => performance.now(),
  });
  for (let i = 0; i < 10; i++) run.step();
  const stepMs = timeEach(60, () => run.step());

  const params = run.currentParamList().map((v, i) => tf.tensor(v, [...model.paramInfo[i]!.shape]));
  const n = Math.min(512, dataset.train.n);
  const train = tf.tidy(() => ({
    x: tf.tensor2d(dataset.train.x.subarray(0, n * dataset.numFeatures), [n, dataset.numFeatures]),
    y: tf.tensor1d(dataset.train.y.subarray(0, n), 'int32'),
  }));
  const probe = new CurvatureProbe(
    'hessianEigs',
    { k: 5, samples: 512, layer: 'all' },
    model,
    train,
  );
  probe.measure(params, 0); // warm-up
  const eigsMs = timeEach(5, () => probe.measure(params, 1));

  const hvp = modelHvp(model, params, train);
  const v = params.map((p) => tf.randomNormal(p.shape));
  const gradient = tf.grads((...ps: tf.Tensor[]) => model.loss(ps, train));
  const synced = (ts: tf.Tensor[]) => {
    for (const t of ts) t.dataSync();
    tf.dispose(ts);
  };
  const hvpMs = timeEach(20, () => synced(hvp(v)));
  const gradMs = timeEach(20, () => synced(gradient(params)));
  probe.dispose();
  run.dispose();
  tf.dispose([...params, ...v, train.x, train.y]);
  return [
    {
      bench: `hessianEigs k=5, digits MLP ${model.size} params (${backend.name})`,
      a: `${eigsMs.toFixed(1)} ms/call`,
      b: `${stepMs.toFixed(2)} ms/training step`,
      ratio: eigsMs / stepMs,
      target: 'info: cost of every=N',
    },
    {
      bench: `exact HVP (R pass) vs gradient, 512 examples (${backend.name})`,
      a: `${hvpMs.toFixed(2)} ms/HVP`,
      b: `${gradMs.toFixed(2)} ms/gradient`,
      ratio: hvpMs / gradMs,
      target: '≈ 2–4× (forward + R pass + backward)',
    },
  ];
}
