import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, type ModelData } from '../../../../src-shared/engine/models';
import { createRng } from '../../../../src-shared/engine/random';
import type { Batch, Model } from '../../../../src-shared/engine/types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const classes = (numClasses: number, numFeatures = 2): ModelData => ({
  task: 'classification',
  numFeatures,
  numClasses,
});
const regression: ModelData = { task: 'regression', numFeatures: 2, numClasses: 1 };

const X = [
  [0.5, -1],
  [1.5, 2],
  [-0.3, 0.2],
  [0, 1],
];

function batchOf(task: 'classification' | 'regression', ys: number[]): Batch {
  return {
    x: tf.tensor2d(X),
    y: task === 'classification' ? tf.tensor1d(ys, 'int32') : tf.tensor1d(ys),
  };
}

const tensorsOf = (model: Model, values: Float32Array[]) =>
  values.map((v, i) => tf.tensor(v, [...model.paramInfo[i]!.shape]));

/** Random parameter values (std 0.5) with the model's shapes. */
function randomValues(model: Model, seed: number): Float32Array[] {
  const rng = createRng(seed);
  return model.paramInfo.map((p) =>
    Float32Array.from({ length: p.shape.reduce((a, b) => a * b, 1) }, () => rng.gaussian(0, 0.5)),
  );
}

describe('model.linear', () => {
  it('names and shapes its parameters: dense1/kernel [in, K], dense1/bias [K]', () => {
    const model = createModel('model.linear', {}, classes(3));
    expect(model.paramInfo).toEqual([
      { name: 'dense1/kernel', layer: 'dense1', role: 'weight', shape: [2, 3], filterAxis: 1 },
      { name: 'dense1/bias', layer: 'dense1', role: 'bias', shape: [3], filterAxis: 0 },
    ]);
    expect(model.size).toBe(9);
    // Binary classification: a 2-class softmax.
    expect(createModel('model.linear', {}, classes(2)).paramInfo[0]!.shape).toEqual([2, 2]);
    expect(createModel('model.linear', {}, regression).paramInfo[0]!.shape).toEqual([2, 1]);
  });

  it.each([2, 3, 5])('with zeros init, cross-entropy = ln %d', (k) => {
    const model = createModel('model.linear', { init: 'zeros' }, classes(k));
    const before = tf.memory().numTensors;
    const params = tensorsOf(model, model.initialValues());
    const batch = batchOf('classification', [0, 1, 1, 0]);
    const loss = model.loss(params, batch);
    expect(loss.dataSync()[0]).toBeCloseTo(Math.log(k), 6);
    tf.dispose([params, batch.x, batch.y, loss]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('with zeros init, regression loss = mean(y²) (MSE)', () => {
    const model = createModel('model.linear', { init: 'zeros' }, regression);
    const params = tensorsOf(model, model.initialValues());
    const batch = batchOf('regression', [1, -2, 0.5, 3]);
    const loss = tf.tidy(() => model.loss(params, batch).dataSync()[0]);
    expect(loss).toBeCloseTo((1 + 4 + 0.25 + 9) / 4, 6);
    tf.dispose([params, batch.x, batch.y]);
  });

  it('glorot init: deterministic by seed, within ±√(6/(in+out)), zero bias', () => {
    const a = createModel('model.linear', { seed: 3 }, classes(3)).initialValues();
    const b = createModel('model.linear', { seed: 3 }, classes(3)).initialValues();
    const c = createModel('model.linear', { seed: 4 }, classes(3)).initialValues();
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(c[0]);
    const limit = Math.sqrt(6 / 5);
    for (const v of a[0]!) expect(Math.abs(v)).toBeLessThanOrEqual(limit);
    expect([...a[1]!]).toEqual([0, 0, 0]);
  });

  it('computes logits x·W + b and the softmax cross-entropy by hand', () => {
    const model = createModel('model.linear', {}, classes(2));
    const W = [0.2, -0.1, 0.4, 0.3]; // [[0.2, -0.1], [0.4, 0.3]]
    const bias = [0.05, -0.05];
    const params = [tf.tensor2d(W, [2, 2]), tf.tensor1d(bias)];
    const ys = [0, 1, 1, 0];
    const batch = batchOf('classification', ys);
    let expected = 0;
    X.forEach(([x1, x2], i) => {
      const z0 = x1! * W[0]! + x2! * W[2]! + bias[0]!;
      const z1 = x1! * W[1]! + x2! * W[3]! + bias[1]!;
      const logSum = Math.log(Math.exp(z0) + Math.exp(z1));
      expected += (logSum - (ys[i] === 0 ? z0 : z1)) / X.length;
    });
    const loss = tf.tidy(() => model.loss(params, batch).dataSync()[0]);
    expect(loss).toBeCloseTo(expected, 6);
    tf.dispose([params, batch.x, batch.y]);
  });
});

describe('model.mlp', () => {
  it('names layers dense1..dense{L+1}, kernels [in, out] with filterAxis 1', () => {
    const model = createModel('model.mlp', { hidden: [4, 3] }, classes(2, 5));
    expect(model.paramInfo.map((p) => `${p.name}:${p.shape.join('x')}:${p.role}`)).toEqual([
      'dense1/kernel:5x4:weight',
      'dense1/bias:4:bias',
      'dense2/kernel:4x3:weight',
      'dense2/bias:3:bias',
      'dense3/kernel:3x2:weight',
      'dense3/bias:2:bias',
    ]);
    expect(model.size).toBe(5 * 4 + 4 + 4 * 3 + 3 + 3 * 2 + 2);
    expect(createModel('model.mlp', {}, classes(2)).paramInfo.map((p) => p.shape)).toEqual([
      [2, 32],
      [32],
      [32, 32],
      [32],
      [32, 2],
      [2],
    ]);
  });

  // Reference activations written out independently; GELU values from Φ tables.
  const ACT: Record<string, (z: number) => number> = {
    relu: (z) => Math.max(0, z),
    tanh: Math.tanh,
    sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  };

  it.each(['relu', 'tanh', 'sigmoid'])(
    '%s: a 2-2-2 net matches a hand computation',
    (activation) => {
      const model = createModel('model.mlp', { hidden: [2], activation }, classes(2));
      const W1 = [0.5, -0.4, 0.3, 0.8];
      const b1 = [0.1, -0.2];
      const W2 = [1.2, -0.7, -0.5, 0.9];
      const b2 = [0.05, 0];
      const params = [
        tf.tensor2d(W1, [2, 2]),
        tf.tensor1d(b1),
        tf.tensor2d(W2, [2, 2]),
        tf.tensor1d(b2),
      ];
      const ys = [1, 0, 0, 1];
      const batch = batchOf('classification', ys);
      let expected = 0;
      X.forEach(([x1, x2], i) => {
        const h = [0, 1].map((j) => ACT[activation]!(x1! * W1[j]! + x2! * W1[2 + j]! + b1[j]!));
        const z = [0, 1].map((j) => h[0]! * W2[j]! + h[1]! * W2[2 + j]! + b2[j]!);
        expected += (Math.log(Math.exp(z[0]!) + Math.exp(z[1]!)) - z[ys[i]!]!) / X.length;
      });
      const loss = tf.tidy(() => model.loss(params, batch).dataSync()[0]);
      expect(loss).toBeCloseTo(expected, 5);
      tf.dispose([params, batch.x, batch.y]);
    },
  );

  it('gelu is x·Φ(x): gelu(1) = 0.841345, gelu(-0.5) = -0.154269', () => {
    const model = createModel('model.mlp', { hidden: [1], activation: 'gelu' }, regression);
    // Output = gelu(x1) with W1 = [[1], [0]], b1 = 0, W2 = [[1]], b2 = 0.
    const params = [
      tf.tensor2d([1, 0], [2, 1]),
      tf.tensor1d([0]),
      tf.tensor2d([1], [1, 1]),
      tf.tensor1d([0]),
    ];
    const out = tf.tidy(() =>
      model
        .forward(
          params,
          tf.tensor2d([
            [1, 0],
            [-0.5, 0],
          ]),
        )
        .dataSync(),
    );
    expect(out[0]).toBeCloseTo(0.8413447461, 5);
    expect(out[1]).toBeCloseTo(-0.1542687694, 5);
    tf.dispose(params);
  });

  it('skip adds each later hidden layer’s input to its output (equal widths only)', () => {
    // hidden [3, 3, 3]: skips on dense2 and dense3; dense1 (from the input) and the output have none.
    const data = classes(2);
    const withSkip = createModel(
      'model.mlp',
      { hidden: [3, 3, 3], activation: 'tanh', skip: true },
      data,
    );
    const without = createModel('model.mlp', { hidden: [3, 3, 3], activation: 'tanh' }, data);
    // dense2 and dense3 zero: tanh(0) = 0, so with skips h3 = h1, without skips h3 = 0.
    const W1 = [0.5, -0.4, 0.3, 0.8, 0.1, -0.6];
    const W4 = [1, 0, 0, 1, 1, -1];
    const params = [
      tf.tensor2d(W1, [2, 3]),
      tf.tensor1d([0, 0, 0]),
      tf.zeros([3, 3]),
      tf.zeros([3]),
      tf.zeros([3, 3]),
      tf.zeros([3]),
      tf.tensor2d(W4, [3, 2]),
      tf.tensor1d([0.1, 0.2]),
    ];
    const x = tf.tensor2d([[1, 2]]);
    const skipOut = tf.tidy(() => withSkip.forward(params, x).dataSync());
    const plainOut = tf.tidy(() => without.forward(params, x).dataSync());
    const h1 = [0, 1, 2].map((j) => Math.tanh(1 * W1[j]! + 2 * W1[3 + j]!));
    expect(skipOut[0]).toBeCloseTo(h1[0]! * 1 + h1[1]! * 0 + h1[2]! * 1 + 0.1, 5);
    expect(skipOut[1]).toBeCloseTo(h1[0]! * 0 + h1[1]! * 1 + h1[2]! * -1 + 0.2, 5);
    expect([...plainOut].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0.1, 0.2]);
    tf.dispose([params, x]);
    // Unequal widths get no skip: [4, 3] with skip behaves like without.
    const uneven = createModel('model.mlp', { hidden: [4, 3], skip: true, seed: 1 }, data);
    const plain = createModel('model.mlp', { hidden: [4, 3], seed: 1 }, data);
    const p = tensorsOf(uneven, uneven.initialValues());
    const xs = tf.tensor2d(X);
    const diff = tf.tidy(
      () => tf.max(tf.abs(tf.sub(uneven.forward(p, xs), plain.forward(p, xs)))).dataSync()[0],
    );
    expect(diff).toBe(0);
    tf.dispose([p, xs]);
  });

  it('he init: normal with variance 2/fanIn; zeros init: all zero', () => {
    const model = createModel('model.mlp', { hidden: [400], init: 'he', seed: 2 }, classes(2, 8));
    const [k1, , k2] = model.initialValues();
    const variance = (values: Float32Array) =>
      values.reduce((a, v) => a + v * v, 0) / values.length;
    // 3 200 and 800 draws: relative standard error of the variance ≈ 2.5 % and 5 %.
    expect(variance(k1!) / (2 / 8)).toBeCloseTo(1, 1);
    expect(variance(k2!) / (2 / 400)).toBeCloseTo(1, 1);
    expect(k1!.some((v) => Math.abs(v) > 2 * Math.sqrt(2 / 8))).toBe(true);
    const zeros = createModel('model.mlp', { init: 'zeros' }, classes(2)).initialValues();
    for (const values of zeros) expect(values.every((v) => v === 0)).toBe(true);
  });

  it('refuses bad params', () => {
    expect(() => createModel('model.mlp', { hidden: [0] }, classes(2))).toThrow(
      'model.mlp: hidden[0] must be an integer >= 1, got 0',
    );
    expect(() => createModel('model.mlp', { activation: 'swish' }, classes(2))).toThrow(
      "model.mlp: activation must be one of 'relu', 'tanh', 'sigmoid', 'gelu', got 'swish'",
    );
    expect(() => createModel('model.mlp', { init: 'orthogonal' }, classes(2))).toThrow(
      "model.mlp: init must be one of 'glorot', 'he', 'zeros', got 'orthogonal'",
    );
    expect(() => createModel('model.mlp', {}, null)).toThrow('model.mlp: needs a dataset');
    expect(() => createModel('model.rnn', {}, null)).toThrow('unknown model type "model.rnn"');
  });
});

describe('forward, forwardBatched and loss', () => {
  const CASES: [string, Record<string, unknown>, ModelData][] = [
    ['linear, 3 classes', {}, classes(3)],
    ['linear, regression', {}, regression],
    ['mlp relu', { hidden: [5, 4] }, classes(2)],
    ['mlp tanh + skip', { hidden: [4, 4, 4], activation: 'tanh', skip: true }, classes(3)],
    ['mlp sigmoid, regression', { hidden: [3], activation: 'sigmoid' }, regression],
    ['mlp gelu', { hidden: [6], activation: 'gelu' }, classes(2)],
  ];

  it.each(CASES)(
    '%s: output shapes, G = 3 batched forward agrees within 1e-5, no leaks',
    (name, params, data) => {
      const type = name.startsWith('linear') ? 'model.linear' : 'model.mlp';
      const model = createModel(type, params, data);
      const before = tf.memory().numTensors;
      const x = tf.tensor2d(X);
      const points = [1, 2, 3].map((seed) => tensorsOf(model, randomValues(model, seed)));
      const outputs = points.map((p) => model.forward(p, x));
      const out = data.task === 'classification' ? data.numClasses : 1;
      expect(outputs[0]!.shape).toEqual([4, out]);
      const stacked = points[0]!.map((_, i) => tf.stack(points.map((p) => p[i]!)));
      const batched = model.forwardBatched!(stacked, x);
      expect(batched.shape).toEqual([3, 4, out]);
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(batched, tf.stack(outputs)))).dataSync()[0]);
      expect(diff).toBeLessThan(1e-5);
      tf.dispose([x, points, outputs, stacked, batched]);
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('loss inside tf.grads gives finite gradients of every parameter, and leaks nothing', () => {
    const model = createModel(
      'model.mlp',
      { hidden: [4, 4], activation: 'tanh', skip: true },
      classes(3),
    );
    const before = tf.memory().numTensors;
    const params = tensorsOf(model, model.initialValues());
    const batch = batchOf('classification', [0, 1, 2, 1]);
    const grads = tf.grads((...ps: tf.Tensor[]) => model.loss(ps, batch))(params);
    grads.forEach((g, i) => {
      expect(g.shape).toEqual(model.paramInfo[i]!.shape);
      expect(g.dataSync().every(Number.isFinite)).toBe(true);
    });
    tf.dispose([grads, params, batch.x, batch.y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses to compute a loss without data', () => {
    const model = createModel('model.linear', {}, classes(2));
    expect(() => model.loss([], null)).toThrow('model.linear: loss needs a batch of data');
  });
});
