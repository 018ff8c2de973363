/**
 * A stack of dense layers, the body of both model.linear (no hidden layer) and model.mlp.
 * Layer l (1-based) is `dense{l}` with `dense{l}/kernel` [in, out] and `dense{l}/bias` [out];
 * hidden layers apply the activation; the last layer gives logits or the regression value.
 * A residual skip on hidden layer l means h_l = act(h_{l-1} W_l + b_l) + h_{l-1}.
 */
import * as tf from '@tensorflow/tfjs';
import { activationR, denseR, lossR } from '../curvature/directional';
import { createRng } from '../random';
import type { Batch, FirstLayerSplit, Model, ParamInfo, Task } from '../types';
import { denseMatMul, denseMatMulOfData } from './dense-matmul';
import { LAYER_ACTIVATIONS, type LayerActivation, type SequentialSpec } from './io/sequential-spec';
import {
  type Activation,
  activate,
  biasInfo,
  type Init,
  initKernel,
  kernelInfo,
  taskLoss,
} from './layers';

export interface DenseStackSpec {
  readonly type: string;
  readonly task: Task;
  /** Widths from the input to the output: [in, hidden..., out]. */
  readonly sizes: readonly number[];
  readonly activation: Activation;
  /** skips[l] adds layer l's input to its output (only hidden layers of equal width). */
  readonly skips: readonly boolean[];
  readonly init: Init;
  readonly seed: number;
}

/**
 * The stack as Dense layers for export; none with residual skips (no Sequential form) or
 * an activation tfjs lacks. The head gets the activation a predicting user expects.
 */
function sequentialOf(spec: DenseStackSpec): SequentialSpec | null {
  if (spec.skips.some(Boolean)) return null;
  const hidden = spec.activation as string;
  if (spec.sizes.length > 2 && !(LAYER_ACTIVATIONS as readonly string[]).includes(hidden)) {
    return null;
  }
  const out = spec.sizes[spec.sizes.length - 1]!;
  const head: LayerActivation =
    spec.task === 'regression' ? 'linear' : out === 1 ? 'sigmoid' : 'softmax';
  return {
    name: spec.type.replace('.', '_'),
    inputShape: [spec.sizes[0]!],
    layers: spec.sizes.slice(1).map((units, l) => ({
      kind: 'dense',
      name: `dense${l + 1}`,
      units,
      activation: l === spec.sizes.length - 2 ? head : (hidden as LayerActivation),
      useBias: true,
    })),
  };
}

export function createDenseStack(spec: DenseStackSpec): Model {
  const layers = spec.sizes.length - 1;
  const paramInfo: ParamInfo[] = [];
  for (let l = 0; l < layers; l++) {
    const name = `dense${l + 1}`;
    paramInfo.push(
      kernelInfo(name, [spec.sizes[l]!, spec.sizes[l + 1]!]),
      biasInfo(name, spec.sizes[l + 1]!),
    );
  }
  for (let l = 0; l < layers; l++) {
    if (spec.skips[l] && (l === layers - 1 || spec.sizes[l] !== spec.sizes[l + 1])) {
      throw new Error(
        `${spec.type}: a skip needs a hidden layer as wide as its input (layer ${l + 1})`,
      );
    }
  }
  const size = paramInfo.reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0);
  const sequential = sequentialOf(spec);
  // One output unit on a classifier is the sigmoid head: BCE on its logit.
  const outputLoss =
    spec.task === 'regression'
      ? 'meanSquaredError'
      : spec.sizes[layers] === 1
        ? 'bceWithLogits'
        : 'softmaxCrossEntropy';

  /**
   * Applies the stack from layer `from` on: h is that layer's input, or (from = 1) layer 1's
   * pre-activation; `mix(h, l)` computes h·W_l + b_l for single or batched params.
   */
  const run = (
    input: tf.Tensor,
    mix: (h: tf.Tensor, l: number) => tf.Tensor,
    from = 0,
  ): tf.Tensor => {
    let h = input;
    for (let l = from; l < layers; l++) {
      const z = mix(h, l);
      if (l === layers - 1) return z;
      const a = activate(spec.activation, z);
      h = spec.skips[l] ? tf.add(a, h) : a;
    }
    return h;
  };

  // Training's products: layer 1's input is data, so its backward skips dx.
  const mixOne =
    (params: readonly tf.Tensor[]) =>
    (h: tf.Tensor, l: number): tf.Tensor =>
      tf.add(
        (l === 0 ? denseMatMulOfData : denseMatMul)(h as tf.Tensor2D, params[2 * l] as tf.Tensor2D),
        params[2 * l + 1]!,
      );
  // Batched params: kernel [G, in, out], bias [G, out] → [G, 1, out].
  const mixMany =
    (params: readonly tf.Tensor[]) =>
    (h: tf.Tensor, l: number): tf.Tensor =>
      tf.add(
        tf.matMul(h as tf.Tensor3D, params[2 * l] as tf.Tensor3D),
        tf.expandDims(params[2 * l + 1]!, 1),
      );

  const forward = (params: readonly tf.Tensor[], x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => run(x, mixOne(params)) as tf.Tensor2D);

  /** From layer 1's x·W₁ + b₁ on: its activation and the layers after it. */
  const firstLayer: FirstLayerSplit = {
    kernel: 0,
    bias: 1,
    affine: (x, kernel, bias) => tf.tidy(() => tf.add(tf.matMul(x, kernel as tf.Tensor2D), bias)),
    rest: (params, first) =>
      tf.tidy(
        () =>
          (layers === 1
            ? first
            : run(activate(spec.activation, first), mixOne(params), 1)) as tf.Tensor2D,
      ),
    restBatched: (params, first) =>
      tf.tidy(
        () =>
          (layers === 1
            ? first
            : run(activate(spec.activation, first), mixMany(params), 1)) as tf.Tensor3D,
      ),
  };

  /** ∇L·v by the R pass alongside the forward pass (curvature/directional.ts). */
  const directionalLoss = (
    params: readonly tf.Tensor[],
    batch: Batch | null,
    v: readonly tf.Tensor[],
  ): tf.Scalar => {
    if (!batch) throw new Error(`${spec.type}: loss needs a batch of data`);
    return tf.tidy(() => {
      let h: tf.Tensor2D = batch.x;
      let rh: tf.Tensor2D | null = null;
      for (let l = 0; ; l++) {
        const kernel = params[2 * l] as tf.Tensor2D;
        const z = tf.add(tf.matMul(h, kernel), params[2 * l + 1]!) as tf.Tensor2D;
        const rz = denseR(h, rh, kernel, v[2 * l] as tf.Tensor2D, v[2 * l + 1]!);
        if (l === layers - 1) {
          return lossR(outputLoss, z, rz, batch.y);
        }
        const a = activate(spec.activation, z) as tf.Tensor2D;
        const ra = activationR(spec.activation, z, rz) as tf.Tensor2D;
        h = spec.skips[l] ? tf.add(a, h) : a;
        rh = spec.skips[l] && rh ? tf.add(ra, rh) : ra;
      }
    });
  };

  return {
    type: spec.type,
    task: spec.task,
    directionalLoss,
    paramInfo,
    size,
    ...(sequential ? { sequential } : {}),
    initialValues() {
      const rng = createRng(spec.seed);
      return paramInfo.map((info) => {
        if (info.role === 'bias') return new Float32Array(info.shape[0]!);
        const [fanIn, fanOut] = info.shape as [number, number];
        return initKernel(rng, fanIn * fanOut, fanIn, fanOut, spec.init);
      });
    },
    forward,
    firstLayer,
    loss(params: readonly tf.Tensor[], batch: Batch | null): tf.Scalar {
      if (!batch) throw new Error(`${spec.type}: loss needs a batch of data`);
      return tf.tidy(() => taskLoss(spec.task, forward(params, batch.x), batch.y));
    },
    forwardBatched(params: readonly tf.Tensor[], x: tf.Tensor2D): tf.Tensor3D {
      return tf.tidy(() => {
        const n = x.shape[0];
        const mix = mixMany(params);
        const out = run(x, (h, l) => {
          if (l > 0) return mix(h, l);
          // The shared input: one product x · [in, G·out] instead of G products.
          const kernel = params[0] as tf.Tensor3D; // [G, in, out]
          const [g, fanIn, fanOut] = kernel.shape;
          const wide = tf.reshape(tf.transpose(kernel, [1, 0, 2]), [fanIn, g * fanOut]);
          const z = tf.transpose(
            tf.reshape(tf.matMul(h as tf.Tensor2D, wide), [n, g, fanOut]),
            [1, 0, 2],
          );
          return tf.add(z, tf.expandDims(params[1]!, 1));
        });
        return out as tf.Tensor3D;
      });
    },
  };
}
