/**
 * The engine side by side with PyTorch (single-threaded, same workloads, same run): both
 * training rows and four landscape grids. The grids' engine figure is the landscape engine
 * (`auto`, first-layer shortcut where it pays); its plain path (no shortcut) is printed too,
 * and every surface's checksum must match PyTorch's. Without torch: one line, no column.
 * Run alone: `npm run bench -- pytorch`.
 */
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../../src-main/host/nodeBackend';
import { createDataset } from '../../src-shared/engine/datasets';
import { randomPlane } from '../../src-shared/engine/landscape/directions';
import { evalBatch, selectEvalSubset } from '../../src-shared/engine/landscape/eval-subset';
import { flattenParams } from '../../src-shared/engine/landscape/flat-params';
import { linspace } from '../../src-shared/engine/landscape/plane-axes';
import { shortcutPays } from '../../src-shared/engine/landscape/plane-shortcut';
import { createPointEvaluator } from '../../src-shared/engine/landscape/point-evaluator';
import { fillSurface } from '../../src-shared/engine/landscape/surface';
import { createModel } from '../../src-shared/engine/models';
import { createRng } from '../../src-shared/engine/random';
import type { Batch, Model } from '../../src-shared/engine/types';
import type { BenchRow } from './report';
import { runTorch, type TorchWorkload, torchMissing } from './torch';
import { engineStepsPerSecond, syntheticDigits } from './training.bench';

interface Grid {
  readonly name: string;
  readonly model: Model;
  readonly batch: Batch;
  readonly plane: { center: Float32Array; delta: Float32Array; eta: Float32Array };
  readonly axis: number[];
  readonly torch: Record<string, unknown>;
  readonly target: string;
}

const digits = createDataset('dataset.digits', { seed: 0 });

function grid(
  name: string,
  model: Model,
  data: { x: Float32Array; y: Float32Array; n: number },
  samples: number,
  size: number,
  torch: Record<string, unknown>,
  target: string,
): Grid {
  const batch = evalBatch(selectEvalSubset(data, samples, 0), 'classification');
  const center = flattenParams(model.initialValues(), model.paramInfo);
  const plane = {
    center,
    ...randomPlane(center, model.paramInfo, { norm: 'filter', ignoreBiasBN: true, seed: 0 }),
  };
  return { name, model, batch, plane, axis: linspace(-1, 1, size), torch, target };
}

function grids(): Grid[] {
  const rng = createRng(5);
  const x2 = Float32Array.from({ length: 2000 }, () => rng.gaussian());
  const y2 = Float32Array.from({ length: 1000 }, (_, i) =>
    x2[2 * i]! * x2[2 * i + 1]! > 0 ? 1 : 0,
  );
  const wide = syntheticDigits(1000);
  const mlp = (hidden: number[], features: number) =>
    createModel(
      'model.mlp',
      { hidden, activation: 'relu', seed: 1 },
      { task: 'classification', numFeatures: features, numClasses: features === 2 ? 2 : 10 },
    );
  const cnnParams = { channels: [8, 16], dense: [32], seed: 1 };
  return [
    grid(
      'grid 51² MLP 2-32-32-2, 1000 pts',
      mlp([32, 32], 2),
      { x: x2, y: y2, n: 1000 },
      1000,
      51,
      { kind: 'mlp', activation: 'relu' },
      '≥ 1.0×',
    ),
    grid(
      'grid 51² digits MLP 64-64-64-10, 512 digits',
      mlp([64, 64], 64),
      digits.train,
      512,
      51,
      { kind: 'mlp', activation: 'relu' },
      '≥ 3×',
    ),
    grid(
      'grid 21² MLP 784-128-10, 1000 pts',
      mlp([128], 784),
      wide.train,
      1000,
      21,
      { kind: 'mlp', activation: 'relu' },
      '≥ 3×',
    ),
    grid(
      'grid 21² digits CNN 8-16 dense 32, 512 digits',
      createModel('model.cnn', cnnParams, digits),
      digits.train,
      512,
      21,
      { kind: 'cnn', side: 8, channels: [8, 16] },
      '≥ 1.0×',
    ),
  ];
}

async function surfaceRate(g: Grid, model: Model): Promise<{ rate: number; sum: number }> {
  const evaluator = createPointEvaluator(model, g.batch, { mode: 'auto' });
  const t0 = performance.now();
  const surface = await fillSurface(
    { evaluator, ...g.plane, alphas: g.axis, betas: g.axis },
    () => {},
    () => false,
  );
  const seconds = (performance.now() - t0) / 1000;
  return { rate: surface!.loss.length / seconds, sum: surface!.loss.reduce((s, v) => s + v, 0) };
}

function gridWorkload(g: Grid): TorchWorkload {
  return {
    name: g.name,
    type: 'grid',
    fields: {
      ...g.torch,
      samples: g.batch.x.shape[0],
      features: g.batch.x.shape[1],
      shapes: g.model.paramInfo.map((p) => p.shape),
      axis: g.axis,
    },
    arrays: {
      x: g.batch.x.dataSync() as Float32Array,
      y: Float32Array.from(g.batch.y.dataSync()),
      center: g.plane.center,
      delta: g.plane.delta,
      eta: g.plane.eta,
    },
  };
}

const fmt = (rate: number, unit: string) =>
  `${rate >= 100 ? rate.toFixed(0) : rate.toFixed(1)} ${unit}`;

export async function benchPytorch(): Promise<BenchRow[]> {
  const missing = torchMissing();
  if (missing) {
    process.stderr.write(`bench: ${missing}\n`);
    return [];
  }
  await initNodeBackend('wasm');
  const all = grids();
  try {
    const mlpData = syntheticDigits(128 * 16);
    const train: { name: string; engine: number; workload: TorchWorkload; target: string }[] = [
      {
        name: 'train MLP 784-128-10 b128 Adam',
        engine: 0,
        target: '≥ 0.4×',
        workload: {
          name: 'train MLP 784-128-10 b128 Adam',
          type: 'train',
          fields: {
            kind: 'mlp',
            samples: mlpData.train.n,
            features: 784,
            hidden: [128],
            classes: 10,
            batch: 128,
            steps: 100,
          },
          arrays: { x: mlpData.train.x, y: mlpData.train.y },
        },
      },
      {
        name: 'train digits CNN 8-16 dense 32 b32 Adam',
        engine: 0,
        target: '≥ 0.25×',
        workload: {
          name: 'train digits CNN 8-16 dense 32 b32 Adam',
          type: 'train',
          fields: {
            kind: 'cnn',
            samples: digits.train.n,
            features: 64,
            side: 8,
            channels: [8, 16],
            dense: [32],
            classes: 10,
            batch: 32,
            steps: 200,
          },
          arrays: { x: digits.train.x, y: digits.train.y },
        },
      },
    ];
    // Best of two, interleaved with nothing else: the least disturbed run is the truest.
    for (let round = 0; round < 2; round++) {
      train[0]!.engine = Math.max(train[0]!.engine, await engineStepsPerSecond(mlpData));
      train[1]!.engine = Math.max(
        train[1]!.engine,
        await engineStepsPerSecond(digits, 'model.cnn', { channels: [8, 16], dense: [32] }, 32),
      );
    }
    type Rate = { rate: number; sum: number };
    const engine: { fast: Rate; slow: Rate }[] = [];
    for (const g of all) {
      const plain = { ...g.model, firstLayer: undefined };
      const runs: Rate[] = [];
      for (const m of [g.model, plain, g.model, plain]) runs.push(await surfaceRate(g, m));
      const best = (a: Rate, b: Rate) => (a.rate >= b.rate ? a : b);
      engine.push({ fast: best(runs[0]!, runs[2]!), slow: best(runs[1]!, runs[3]!) });
    }
    const torch = runTorch([...train.map((t) => t.workload), ...all.map(gridWorkload)]);
    const rows: BenchRow[] = train.map((t) => {
      const theirs = torch.results[t.name]!.rate;
      return {
        bench: `${t.name} (wasm vs ${torch.version})`,
        a: `engine ${fmt(t.engine, 'steps/s')}`,
        b: `PyTorch ${fmt(theirs, 'steps/s')}`,
        ratio: t.engine / theirs,
        target: t.target,
      };
    });
    all.forEach((g, i) => {
      const theirs = torch.results[g.name]!;
      const { fast, slow } = engine[i]!;
      for (const sum of [fast.sum, slow.sum]) {
        if (Math.abs(sum - theirs.checksum!) > 1e-3 * Math.abs(theirs.checksum!)) {
          throw new Error(`${g.name}: surface checksum ${sum} vs PyTorch ${theirs.checksum}`);
        }
      }
      rows.push({
        bench: `${g.name} (wasm vs PyTorch per-point loop)`,
        a: `engine ${fmt(fast.rate, 'pts/s')}`,
        b: `PyTorch ${fmt(theirs.rate, 'pts/s')}`,
        ratio: fast.rate / theirs.rate,
        target: g.target,
      });
      if (!shortcutPays(g.model)) return; // the same path twice: nothing to compare
      rows.push({
        bench: `${g.name}: shortcut vs plain engine`,
        a: `engine ${fmt(fast.rate, 'pts/s')}`,
        b: `no shortcut ${fmt(slow.rate, 'pts/s')}`,
        ratio: fast.rate / slow.rate,
        target: 'info',
      });
    });
    return rows;
  } finally {
    for (const g of all) tf.dispose([g.batch.x, g.batch.y]);
  }
}
