/**
 * model.cnn: a small conv net for image data (the 8×8 digits). Each conv block is a
 * `same`-padded convolution (stride 1) + bias + relu + 2×2 max-pool (stride 2, `same`; skipped
 * once the image is 1 pixel wide); then the flattened features go through relu dense layers
 * and a final dense layer to the logits. Kernels are [kh, kw, cin, cout] (filters on axis 3).
 */
import * as tf from '@tensorflow/tfjs';
import { ParamReader } from '../block-params';
import { denseR, lossR, maxPool2R, reluR } from '../curvature/directional';
import { createRng } from '../random';
import type { Batch, Model, ParamInfo } from '../types';
import { conv2dSame, conv2dSameBiasRelu, conv2dSameOfData } from './conv2d';
import { denseMatMul } from './dense-matmul';
import type { LayerSpec } from './io/sequential-spec';
import { biasInfo, initKernel, kernelInfo, taskLoss } from './layers';
import type { ModelData } from './model-data';

const TYPE = 'model.cnn';

export function createCnn(params: Record<string, unknown>, data: ModelData): Model {
  const p = new ParamReader(TYPE, params);
  if (!data.imageShape) {
    throw new Error(
      `${TYPE}: needs image data (e.g. dataset.digits); this dataset has no image shape`,
    );
  }
  if (data.task !== 'classification') throw new Error(`${TYPE}: needs a classification dataset`);
  const channels = p.numbers('channels', { integer: true, min: 1, max: 256 });
  if (channels.length < 1 || channels.length > 6) {
    p.fail('channels', `must list 1 to 6 conv layers, got ${channels.length}`);
  }
  const kernel = p.number('kernel', { integer: true, min: 1, max: 9 });
  const dense = p.numbers('dense', { integer: true, min: 1, max: 4096 });
  const seed = p.number('seed');
  const [height, width, depth] = data.imageShape;

  const paramInfo: ParamInfo[] = [];
  const pools: boolean[] = [];
  let [h, w, c] = [height, width, depth];
  channels.forEach((out, i) => {
    paramInfo.push(
      kernelInfo(`conv${i + 1}`, [kernel, kernel, c, out]),
      biasInfo(`conv${i + 1}`, out),
    );
    const pool = Math.min(h, w) >= 2;
    pools.push(pool);
    if (pool) [h, w] = [Math.ceil(h / 2), Math.ceil(w / 2)];
    c = out;
  });
  const widths = [h * w * c, ...dense, data.numClasses];
  for (let l = 0; l + 1 < widths.length; l++) {
    const name = `dense${l + 1}`;
    paramInfo.push(kernelInfo(name, [widths[l]!, widths[l + 1]!]), biasInfo(name, widths[l + 1]!));
  }
  const convParams = 2 * channels.length;
  const size = paramInfo.reduce((sum, info) => sum + info.shape.reduce((a, b) => a * b, 1), 0);

  // The first conv plus its bias, split out for the landscape shortcut (its input is data).
  const firstConv = (x: tf.Tensor2D, kernel: tf.Tensor, bias: tf.Tensor): tf.Tensor4D =>
    tf.tidy(() =>
      tf.add(
        conv2dSameOfData(tf.reshape(x, [x.shape[0], height, width, depth]), kernel as tf.Tensor4D),
        bias,
      ),
    );
  const pooled = (image: tf.Tensor4D, i: number): tf.Tensor4D =>
    pools[i] ? tf.maxPool(image, 2, 2, 'same') : image;
  /** Conv layers from `from` on (fused conv + bias + relu), then the dense layers. */
  const head = (ps: readonly tf.Tensor[], input: tf.Tensor4D, from: number): tf.Tensor2D => {
    let image = input;
    for (let i = from; i < channels.length; i++) {
      image = pooled(conv2dSameBiasRelu(image, ps[2 * i] as tf.Tensor4D, ps[2 * i + 1]!), i);
    }
    let hidden: tf.Tensor2D = tf.reshape(image, [image.shape[0], -1]);
    const layers = (ps.length - convParams) / 2;
    for (let l = 0; l < layers; l++) {
      const k = convParams + 2 * l;
      const z = tf.add(denseMatMul(hidden, ps[k] as tf.Tensor2D), ps[k + 1]!) as tf.Tensor2D;
      hidden = l === layers - 1 ? z : tf.relu(z);
    }
    return hidden;
  };
  // relu after the pool: max-pool commutes with relu (monotone), on a quarter of the values.
  const fromFirstConv = (ps: readonly tf.Tensor[], first: tf.Tensor): tf.Tensor2D =>
    tf.tidy(() => head(ps, tf.relu(pooled(first as tf.Tensor4D, 0)) as tf.Tensor4D, 1));
  const forward = (ps: readonly tf.Tensor[], x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      const image = tf.reshape(x, [x.shape[0], height, width, depth]) as tf.Tensor4D;
      const first = conv2dSameBiasRelu(image, ps[0] as tf.Tensor4D, ps[1]!, true);
      return head(ps, pooled(first, 0), 1);
    });

  /** ∇L·v by the R pass: convolutions are bilinear, relu masks, max-pool picks the max. */
  const directionalLoss = (
    ps: readonly tf.Tensor[],
    batch: Batch | null,
    v: readonly tf.Tensor[],
  ): tf.Scalar => {
    if (!batch) throw new Error(`${TYPE}: loss needs a batch of data`);
    return tf.tidy(() => {
      const n = batch.x.shape[0];
      let image = tf.reshape(batch.x, [n, height, width, depth]) as tf.Tensor4D;
      let rImage: tf.Tensor4D | null = null;
      channels.forEach((_, i) => {
        const z = tf.add(
          conv2dSame(image, ps[2 * i] as tf.Tensor4D),
          ps[2 * i + 1]!,
        ) as tf.Tensor4D;
        let rz = tf.add(conv2dSame(image, v[2 * i] as tf.Tensor4D), v[2 * i + 1]!) as tf.Tensor4D;
        if (rImage) rz = tf.add(rz, conv2dSame(rImage, ps[2 * i] as tf.Tensor4D));
        image = tf.relu(z) as tf.Tensor4D;
        rImage = reluR(z, rz) as tf.Tensor4D;
        if (pools[i]) {
          rImage = maxPool2R(image, rImage);
          image = tf.maxPool(image, 2, 2, 'same');
        }
      });
      let hidden: tf.Tensor2D = tf.reshape(image, [n, -1]);
      let rHidden: tf.Tensor2D = tf.reshape(rImage as unknown as tf.Tensor4D, [n, -1]);
      const layers = (ps.length - convParams) / 2;
      for (let l = 0; ; l++) {
        const k = convParams + 2 * l;
        const kernel = ps[k] as tf.Tensor2D;
        const z = tf.add(tf.matMul(hidden, kernel), ps[k + 1]!) as tf.Tensor2D;
        const rz = denseR(hidden, rHidden, kernel, v[k] as tf.Tensor2D, v[k + 1]!);
        if (l === layers - 1) return lossR('softmaxCrossEntropy', z, rz, batch.y);
        hidden = tf.relu(z) as tf.Tensor2D;
        rHidden = reluR(z, rz) as tf.Tensor2D;
      }
    });
  };

  const layers: LayerSpec[] = [];
  channels.forEach((filters, i) => {
    const conv = `conv${i + 1}`;
    layers.push({
      kind: 'conv2d',
      name: conv,
      filters,
      kernel: [kernel, kernel],
      padding: 'same',
      activation: 'relu',
      useBias: true,
    });
    if (pools[i]) {
      layers.push({
        kind: 'maxPool',
        name: `pool${i + 1}`,
        pool: [2, 2],
        strides: [2, 2],
        padding: 'same',
      });
    }
  });
  layers.push({ kind: 'flatten', name: 'flatten' });
  widths.slice(1).forEach((units, l) => {
    const activation = l === widths.length - 2 ? 'softmax' : 'relu';
    layers.push({ kind: 'dense', name: `dense${l + 1}`, units, activation, useBias: true });
  });
  return {
    type: TYPE,
    task: 'classification',
    directionalLoss,
    paramInfo,
    size,
    sequential: { name: 'model_cnn', inputShape: [height, width, depth], layers },
    initialValues() {
      const rng = createRng(seed);
      return paramInfo.map((info) => {
        if (info.role === 'bias') return new Float32Array(info.shape[0]!);
        const count = info.shape.reduce((a, b) => a * b, 1);
        // Keras' fans: receptive field × channels in / out.
        const field = info.shape.length === 4 ? info.shape[0]! * info.shape[1]! : 1;
        const fanIn = field * info.shape[info.shape.length - 2]!;
        const fanOut = field * info.shape[info.shape.length - 1]!;
        return initKernel(rng, count, fanIn, fanOut, 'glorot');
      });
    },
    forward,
    firstLayer: { kernel: 0, bias: 1, affine: firstConv, rest: fromFirstConv },
    loss(ps: readonly tf.Tensor[], batch: Batch | null): tf.Scalar {
      if (!batch) throw new Error(`${TYPE}: loss needs a batch of data`);
      return tf.tidy(() => taskLoss('classification', forward(ps, batch.x), batch.y));
    },
  };
}
