/**
 * TensorFlow.js Layers format in and out. tfjs itself is the independent reader (of our
 * exports: tf.loadLayersModel through tf.io.fromMemory) and writer (model.save through
 * tf.io.withSaveHandler, then our import).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createModel,
  embedArtifacts,
  exportLayersModel,
  type LayersArtifacts,
  type ModelData,
} from '../../../../src-shared/engine/models';
import { bytesToBase64 } from '../../../../src-shared/engine/models/io/base64';
import { createRng } from '../../../../src-shared/engine/random';
import type { Batch, Model } from '../../../../src-shared/engine/types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const twoD = (numClasses: number): ModelData => ({
  task: 'classification',
  numFeatures: 2,
  numClasses,
});
const images: ModelData = {
  task: 'classification',
  numFeatures: 36,
  numClasses: 3,
  imageShape: [6, 6, 1],
};

function randomValues(model: Model, seed: number): Float32Array[] {
  const rng = createRng(seed);
  return model.paramInfo.map((p) =>
    Float32Array.from({ length: p.shape.reduce((a, b) => a * b, 1) }, () => rng.gaussian(0, 0.7)),
  );
}

function randomBatch(data: ModelData, n: number, seed: number): Batch {
  const rng = createRng(seed);
  const x = Array.from({ length: n * data.numFeatures }, () => rng.gaussian(0, 1));
  const y = Array.from({ length: n }, (_, i) => i % data.numClasses);
  return { x: tf.tensor2d(x, [n, data.numFeatures]), y: tf.tensor1d(y, 'int32') };
}

/** The loss of `model` at `values` on `batch`, as a number. */
function lossAt(model: Model, values: readonly Float32Array[], batch: Batch): number {
  return tf.tidy(() => {
    const params = values.map((v, i) => tf.tensor(v, [...model.paramInfo[i]!.shape]));
    return model.loss(params, batch).dataSync()[0]!;
  });
}

function outputsAt(model: Model, values: readonly Float32Array[], x: tf.Tensor2D): Float32Array {
  return tf.tidy(() => {
    const params = values.map((v, i) => tf.tensor(v, [...model.paramInfo[i]!.shape]));
    return model.forward(params, x).dataSync() as Float32Array;
  });
}

/** Files as a host would read them: model.json text and weights.bin bytes. */
function filesOf(artifacts: LayersArtifacts, dir = 'exported/') {
  const text = new Map([[`${dir}model.json`, JSON.stringify(artifacts.modelJson)]]);
  const bytes = new Map([[`${dir}weights.bin`, artifacts.weights]]);
  return {
    readText: (p: string) => text.get(p) ?? fail(p),
    readBytes: (p: string) => bytes.get(p) ?? fail(p),
  };
}
const fail = (p: string): never => {
  throw new Error(`${p}: no such file`);
};

async function tfjsReads(artifacts: LayersArtifacts): Promise<tf.LayersModel> {
  const w = artifacts.weights;
  const weightData = w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength) as ArrayBuffer;
  const json = artifacts.modelJson as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0]!.weights,
      weightData,
    }),
  );
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, digits: number) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i]!, digits);
}

describe('export: tfjs reads what the app writes', () => {
  it.each([
    ['a softmax MLP', 'model.mlp', { hidden: [5, 4], activation: 'tanh' }, twoD(3)],
    ['a sigmoid logistic regression', 'model.linear', { output: 'sigmoid' }, twoD(2)],
    ['the CNN', 'model.cnn', { channels: [3, 4], kernel: 3, dense: [6] }, images],
  ] as const)(
    '%s: tf.loadLayersModel predicts our probabilities',
    async (_, type, params, data) => {
      const model = createModel(type, { ...params }, data);
      const values = randomValues(model, 7);
      const artifacts = exportLayersModel(model, values);
      const loaded = await tfjsReads(artifacts);
      const batch = randomBatch(data, 9, 3);
      const input = data.imageShape ? tf.reshape(batch.x, [9, ...data.imageShape]) : batch.x;
      const predicted = loaded.predict(input) as tf.Tensor;
      const logits = tf.tensor2d(outputsAt(model, values, batch.x), [9, predicted.shape[1]!]);
      const expected = logits.shape[1] === 1 ? tf.sigmoid(logits) : tf.softmax(logits);
      expectClose(predicted.dataSync(), expected.dataSync(), 5);
      tf.dispose([predicted, logits, expected, batch.x, batch.y]);
      loaded.dispose();
    },
  );

  it('refuses a model with residual skips, saying why', () => {
    const model = createModel('model.mlp', { hidden: [4, 4, 4], skip: true }, twoD(2));
    expect(() => exportLayersModel(model, randomValues(model, 1))).toThrow(
      /no Sequential form \(residual skips/,
    );
  });
});

describe('import: re-importing an export evaluates identically', () => {
  it.each([
    ['MLP', 'model.mlp', { hidden: [6], activation: 'relu' }, twoD(3)],
    [
      'sigmoid MLP',
      'model.mlp',
      { hidden: [4], activation: 'sigmoid', output: 'sigmoid' },
      twoD(2),
    ],
    ['CNN', 'model.cnn', { channels: [2], kernel: 3, dense: [] }, images],
  ] as const)('%s: same loss and outputs from files and embedded', (_, type, params, data) => {
    const model = createModel(type, { ...params }, data);
    const values = randomValues(model, 11);
    const artifacts = exportLayersModel(model, values);
    const batch = randomBatch(data, 12, 5);
    const before = tf.memory().numTensors;
    const fromFiles = createModel(
      'model.import',
      { path: 'exported/model.json' },
      data,
      filesOf(artifacts),
    );
    const embedded = createModel('model.import', { embedded: embedArtifacts(artifacts) }, data);
    for (const imported of [fromFiles, embedded]) {
      const start = imported.initialValues();
      expect(imported.size).toBe(model.size);
      expect(lossAt(imported, start, batch)).toBe(lossAt(model, values, batch));
      expect(outputsAt(imported, start, batch.x)).toEqual(outputsAt(model, values, batch.x));
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([batch.x, batch.y]);
  });
});

describe('import: a hand-written model.json', () => {
  // Dense 2 → 2 relu, Dense 2 → 1 sigmoid; weights chosen to compute by hand.
  const kernel1 = [1, -1, 0.5, 2]; // [[1, -1], [0.5, 2]]
  const bias1 = [0, -1];
  const kernel2 = [2, -3];
  const bias2 = [0.5];
  const floats = Float32Array.from([...kernel1, ...bias1, ...kernel2, ...bias2]);
  const modelJson = {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'hand',
        layers: [
          {
            class_name: 'Dense',
            config: { name: 'h', units: 2, activation: 'relu', batch_input_shape: [null, 2] },
          },
          { class_name: 'Dense', config: { name: 'out', units: 1, activation: 'sigmoid' } },
        ],
      },
    },
    weightsManifest: [
      {
        paths: ['hand.bin'],
        weights: [
          { name: 'h/kernel', shape: [2, 2], dtype: 'float32' },
          { name: 'h/bias', shape: [2], dtype: 'float32' },
          { name: 'out/kernel', shape: [2, 1], dtype: 'float32' },
          { name: 'out/bias', shape: [1], dtype: 'float32' },
        ],
      },
    ],
  };
  const bytes = new Uint8Array(floats.buffer);
  const reader = {
    readText: (p: string) => (p === 'models/hand.json' ? JSON.stringify(modelJson) : fail(p)),
    readBytes: (p: string) => (p === 'models/hand.bin' ? bytes : fail(p)),
  };

  it('gives the binary cross-entropy computed by hand', () => {
    const model = createModel('model.import', { path: 'models/hand.json' }, twoD(2), reader);
    // x = (1, 1): h = relu(1 + 0.5, −1 + 2 − 1) = (1.5, 0); z = 2·1.5 − 3·0 + 0.5 = 3.5.
    // x = (0, 2): h = relu(1, 4 − 1) = (1, 3); z = 2 − 9 + 0.5 = −6.5.
    const z = [3.5, -6.5];
    const y = [1, 0];
    const byHand =
      (Math.log1p(Math.exp(-z[0]!)) + (z[1]! < 0 ? Math.log1p(Math.exp(z[1]!)) : 0)) / 2;
    const batch = { x: tf.tensor2d([1, 1, 0, 2], [2, 2]), y: tf.tensor1d(y, 'int32') };
    expect(lossAt(model, model.initialValues(), batch)).toBeCloseTo(byHand, 6);
    expectClose(outputsAt(model, model.initialValues(), batch.x), z, 5);
    expect(model.paramInfo.map((p) => p.name)).toEqual([
      'h/kernel',
      'h/bias',
      'out/kernel',
      'out/bias',
    ]);
    tf.dispose([batch.x, batch.y]);
  });

  it('the same file embedded (base64 weightData) gives the same start', () => {
    const embedded = { ...modelJson, weightData: bytesToBase64(bytes) };
    const model = createModel('model.import', { embedded }, twoD(2));
    expect(model.initialValues().flatMap((v) => Array.from(v))).toEqual(Array.from(floats));
  });

  it('refuses data it does not fit, with the numbers', () => {
    expect(() =>
      createModel('model.import', { path: 'models/hand.json' }, twoD(3), reader),
    ).toThrow('models/hand.json: the model has 1 outputs; the dataset has 3 classes');
    expect(() =>
      createModel(
        'model.import',
        { path: 'models/hand.json' },
        { task: 'classification', numFeatures: 4, numClasses: 2 },
        reader,
      ),
    ).toThrow('the model takes input [2] (2 values); the dataset has 4 features');
  });
});

describe('import: a model written by tfjs model.save', () => {
  async function saved(model: tf.Sequential): Promise<tf.io.ModelArtifacts> {
    let artifacts: tf.io.ModelArtifacts | null = null;
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    return artifacts!;
  }

  /** model.json as tfjs's file handlers write it, and its weights.bin. */
  function asFiles(a: tf.io.ModelArtifacts) {
    const json = {
      modelTopology: a.modelTopology,
      format: a.format,
      generatedBy: a.generatedBy,
      convertedBy: a.convertedBy,
      weightsManifest: [{ paths: ['./model.weights.bin'], weights: a.weightSpecs }],
    };
    const data = new Uint8Array(a.weightData as ArrayBuffer);
    return {
      readText: (p: string) => (p === 'mine/model.json' ? JSON.stringify(json) : fail(p)),
      readBytes: (p: string) => (p === 'mine/model.weights.bin' ? data : fail(p)),
    };
  }

  it('a conv net (Conv2D valid + same, MaxPooling2D, Flatten, Dense elu, softmax) predicts as tfjs does', async () => {
    const net = tf.sequential({
      layers: [
        tf.layers.conv2d({
          inputShape: [6, 6, 1],
          filters: 3,
          kernelSize: 3,
          activation: 'relu',
          padding: 'valid',
        }),
        tf.layers.conv2d({ filters: 2, kernelSize: [2, 3], padding: 'same', activation: 'tanh' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 5, activation: 'elu' }),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    const model = createModel(
      'model.import',
      { path: 'mine/model.json' },
      images,
      asFiles(await saved(net)),
    );
    const batch = randomBatch(images, 8, 9);
    const expected = net.predict(tf.reshape(batch.x, [8, 6, 6, 1])) as tf.Tensor;
    const logits = tf.tensor2d(outputsAt(model, model.initialValues(), batch.x), [8, 3]);
    const probs = tf.softmax(logits);
    expectClose(probs.dataSync(), expected.dataSync(), 5);
    // The loss folds the softmax in: cross-entropy of tfjs's probabilities.
    const ce = tf.tidy(
      () =>
        tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(batch.y, 3), tf.log(expected)), 1))).dataSync()[0]!,
    );
    expect(lossAt(model, model.initialValues(), batch)).toBeCloseTo(ce, 5);
    tf.dispose([expected, logits, probs, batch.x, batch.y]);
    net.dispose();
  });

  it('refuses other layers, naming the class and the layer', async () => {
    const net = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [2], units: 4, name: 'hidden' }),
        tf.layers.dropout({ rate: 0.5, name: 'drop' }),
        tf.layers.dense({ units: 2 }),
      ],
    });
    const files = asFiles(await saved(net));
    expect(() => createModel('model.import', { path: 'mine/model.json' }, twoD(2), files)).toThrow(
      'mine/model.json: layer 1 (Dropout "drop"): Dropout layers are not supported (supported: Dense, Conv2D, MaxPooling2D, Flatten, Activation, InputLayer)',
    );
    net.dispose();
  });
});

describe('import: the Keras converter layout', () => {
  it('reads model_config, an InputLayer (Keras 3 batch_shape) and prefixed weight names', () => {
    const kernel = [0.5, -1, 2, 0.25, 1, -0.5]; // [3, 2]
    const bias = [0.1, -0.2];
    const json = {
      format: 'layers-model',
      generatedBy: 'keras v2.15.0',
      convertedBy: 'TensorFlow.js Converter v4.22.0',
      modelTopology: {
        keras_version: '2.15.0',
        backend: 'tensorflow',
        model_config: {
          class_name: 'Sequential',
          config: {
            name: 'sequential',
            layers: [
              { class_name: 'InputLayer', config: { name: 'input_1', batch_shape: [null, 3] } },
              {
                class_name: 'Dense',
                config: { name: 'dense', units: 2, activation: 'softmax', use_bias: true },
              },
            ],
          },
        },
      },
      weightsManifest: [
        {
          paths: ['group1-shard1of1.bin'],
          weights: [
            { name: 'sequential/dense/bias', shape: [2], dtype: 'float32' },
            { name: 'sequential/dense/kernel', shape: [3, 2], dtype: 'float32' },
          ],
        },
      ],
    };
    const bytes = new Uint8Array(Float32Array.from([...bias, ...kernel]).buffer);
    const model = createModel(
      'model.import',
      { path: 'keras/model.json' },
      { task: 'classification', numFeatures: 3, numClasses: 2 },
      {
        readText: () => JSON.stringify(json),
        readBytes: (p) => (p === 'keras/group1-shard1of1.bin' ? bytes : fail(p)),
      },
    );
    const [k, b] = model.initialValues();
    expect(Array.from(k!)).toEqual(kernel);
    expect(Array.from(b!)).toEqual(bias.map(Math.fround));
  });
});

describe('import: hostile files', () => {
  const reader = (json: unknown, bytes: Uint8Array = new Uint8Array(0)) => ({
    readText: () => (typeof json === 'string' ? json : JSON.stringify(json)),
    readBytes: () => bytes,
  });
  const dense = (config: Record<string, unknown>) => ({
    modelTopology: {
      class_name: 'Sequential',
      config: { layers: [{ class_name: 'Dense', config: { name: 'd', ...config } }] },
    },
  });
  const attempt = (json: unknown, bytes?: Uint8Array) => () =>
    createModel('model.import', { path: 'm.json' }, twoD(2), reader(json, bytes));

  it('refuses absurd sizes, bad JSON, escaping paths and short weight files', () => {
    expect(attempt('{')).toThrow(/m\.json: model\.json is not JSON/);
    expect(attempt(dense({ units: 1e7 }))).toThrow(/layer 0 \(Dense "d"\): units/);
    expect(
      attempt({ modelTopology: { class_name: 'Functional', config: { layers: [] } } }),
    ).toThrow('a Functional model is not supported; only Sequential models import');
    const escaping = {
      ...dense({ units: 2, batch_input_shape: [null, 2] }),
      weightsManifest: [{ paths: ['../../etc/passwd'], weights: [] }],
    };
    expect(attempt(escaping)).toThrow(/no absolute path, no "\.\."/);
    const short = {
      ...dense({ units: 2, batch_input_shape: [null, 2] }),
      weightsManifest: [
        {
          paths: ['w.bin'],
          weights: [
            { name: 'd/kernel', shape: [2, 2], dtype: 'float32' },
            { name: 'd/bias', shape: [2], dtype: 'float32' },
          ],
        },
      ],
    };
    expect(attempt(short, new Uint8Array(8))).toThrow(
      'the weight files hold 8 bytes; the manifest describes 24',
    );
    expect(
      attempt(
        {
          ...short,
          weightsManifest: [
            {
              ...short.weightsManifest[0],
              weights: [{ name: 'd/kernel', shape: [2, 2], dtype: 'int32' }],
            },
          ],
        },
        new Uint8Array(16),
      ),
    ).toThrow(/int32; only float32/);
  });
});
