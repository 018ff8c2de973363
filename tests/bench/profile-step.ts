/**
 * Op-by-op profile of one training step on wasm: forward, backward and optimizer update, as
 * the engine runs them. Prints kernel time summed by kernel name, for closing notes.
 * `npx tsx tests/bench/profile-step.ts` profiles the bench MLP (784-128-10, batch 128, Adam);
 * `… profile-step.ts cnn` the digits CNN (channels 8-16, dense 32, batch 32, Adam).
 */
import * as tf from '@tensorflow/tfjs';
import { initNodeBackend } from '../../src-main/host/nodeBackend';
import { createDataset } from '../../src-shared/engine/datasets';
import { createModel } from '../../src-shared/engine/models';
import { createOptimizer } from '../../src-shared/engine/optimizers';
import { syntheticDigits } from './training.bench';

await initNodeBackend('wasm');
const cnn = process.argv[2] === 'cnn';
const BATCH = cnn ? 32 : 128;
const data = cnn ? createDataset('dataset.digits', { seed: 0 }) : syntheticDigits(BATCH);
const model = cnn
  ? createModel('model.cnn', { channels: [8, 16], dense: [32], seed: 1 }, data)
  : createModel('model.mlp', { hidden: [128], activation: 'relu', seed: 1 }, data);
const params = tf.tidy(() =>
  model.initialValues().map((v, i) => tf.variable(tf.tensor(v, [...model.paramInfo[i]!.shape]))),
);
const optimizer = createOptimizer('optimizer.adam', { lr: 1e-3 });
const batch = {
  x: tf.tensor2d(data.train.x.subarray(0, BATCH * data.numFeatures), [BATCH, data.numFeatures]),
  y: tf.tensor1d(Int32Array.from(data.train.y.subarray(0, BATCH)), 'int32'),
};
const step = () =>
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => model.loss(params, batch), params);
    const list = params.map((p) => grads[p.name]!);
    value.dataSync();
    optimizer.step({ params, grads: list, lr: 1e-3 });
  });
for (let i = 0; i < 20; i++) step();
const ROUNDS = 30;
const byName = new Map<string, { ms: number; count: number }>();
let wall = 0;
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  const info = await tf.profile(step);
  wall += performance.now() - t0;
  for (const k of info.kernels) {
    // Matmuls by shape: which product of forward/backward costs what.
    const key =
      k.name === 'BatchMatMul'
        ? `BatchMatMul ${k.inputShapes.map((s) => s.join('x')).join(' · ')}`
        : k.name;
    const e = byName.get(key) ?? { ms: 0, count: 0 };
    e.ms += (await k.kernelTimeMs) as number;
    e.count += 1;
    byName.set(key, e);
  }
}
const rows = [...byName.entries()].sort((a, b) => b[1].ms - a[1].ms);
const total = rows.reduce((s, [, e]) => s + e.ms, 0);
console.log(`kernels per step: ${rows.reduce((s, [, e]) => s + e.count, 0) / ROUNDS}`);
console.log(
  `kernel time per step: ${(total / ROUNDS).toFixed(2)} ms (profiled wall ${(wall / ROUNDS).toFixed(2)} ms)`,
);
for (const [name, e] of rows) {
  console.log(
    `${name.padEnd(40)} ${(e.count / ROUNDS).toFixed(0).padStart(4)} ops  ${(e.ms / ROUNDS).toFixed(3).padStart(8)} ms  ${((100 * e.ms) / total).toFixed(1).padStart(5)} %`,
  );
}
let plain = performance.now();
for (let i = 0; i < ROUNDS; i++) step();
plain = (performance.now() - plain) / ROUNDS;
console.log(`unprofiled step: ${plain.toFixed(2)} ms (${(1000 / plain).toFixed(1)} steps/s)`);
tf.dispose([...params, batch.x, batch.y]);
optimizer.dispose();
