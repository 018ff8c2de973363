/**
 * A Model from a SequentialSpec (an imported tfjs Layers model). The last activation is
 * folded into the loss as Keras' `from_logits` would: a final softmax leaves K logits for
 * softmax cross-entropy, a final one-unit sigmoid leaves one logit for binary cross-entropy;
 * anything else is applied and its outputs are the logits (or the regression value).
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch, Model, ParamInfo } from '../../types';
import { conv2dSame, conv2dStride1 } from '../conv2d';
import { activate, taskLoss } from '../layers';
import type { ModelData } from '../model-data';
import {
  type LayerActivation,
  type LayerSpec,
  type SequentialSpec,
  traceSpec,
} from './sequential-spec';

/** Index of the layer whose activation ends the network (the last non-Flatten layer). */
function finalLayer(layers: readonly LayerSpec[]): number {
  for (let i = layers.length - 1; i >= 0; i--) if (layers[i]!.kind !== 'flatten') return i;
  return -1;
}

const finalActivation = (layer: LayerSpec | undefined): LayerActivation =>
  layer && 'activation' in layer ? layer.activation : 'linear';

export function createSequentialModel(
  type: string,
  spec: SequentialSpec,
  values: readonly Float32Array[],
  data: ModelData,
): Model {
  const input = spec.inputShape.length ? spec.inputShape : [data.numFeatures];
  const inputSize = input.reduce((a, b) => a * b, 1);
  if (inputSize !== data.numFeatures) {
    throw new Error(
      `the model takes input [${input}] (${inputSize} values); the dataset has ${data.numFeatures} features`,
    );
  }
  if (input.length === 3 && data.imageShape && data.imageShape.some((d, i) => d !== input[i])) {
    throw new Error(`the model takes images [${input}]; the dataset's are [${data.imageShape}]`);
  }
  const traced = traceSpec({ ...spec, inputShape: input });
  if (traced.outputShape.length !== 1) {
    throw new Error(`the model ends with shape [${traced.outputShape}]; it must end flat (Dense)`);
  }
  const units = traced.outputShape[0]!;
  const last = finalLayer(spec.layers);
  const act = finalActivation(spec.layers[last]);
  let fold = false;
  if (data.task === 'regression') {
    if (units !== 1) throw new Error(`a regression needs 1 output; the model has ${units}`);
  } else {
    const fits = units === data.numClasses || (units === 1 && data.numClasses === 2);
    if (!fits) {
      throw new Error(
        `the model has ${units} outputs; the dataset has ${data.numClasses} classes (use ${data.numClasses}, or 1 sigmoid output for 2 classes)`,
      );
    }
    if (act === 'softmax' && units === 1) {
      throw new Error('a softmax over 1 output is constant; use sigmoid for a single output');
    }
    fold = act === 'softmax' || (act === 'sigmoid' && units === 1);
  }
  if (values.length !== traced.slots.length) {
    throw new Error(`expected ${traced.slots.length} weight tensors, got ${values.length}`);
  }
  const paramInfo: ParamInfo[] = traced.slots.map((slot) => ({
    name: `${slot.layer}/${slot.role}`,
    layer: slot.layer,
    role: slot.role === 'kernel' ? 'weight' : 'bias',
    shape: slot.shape,
    filterAxis: slot.shape.length - 1,
  }));
  const size = paramInfo.reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
  const initial = values.map((v) => Float32Array.from(v));

  const forward = (params: readonly tf.Tensor[], x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      let h: tf.Tensor = input.length === 3 ? tf.reshape(x, [x.shape[0], ...input]) : x;
      let k = 0;
      spec.layers.forEach((layer, i) => {
        const act = (name: LayerActivation, z: tf.Tensor) =>
          i === last && fold ? z : activate(name, z);
        switch (layer.kind) {
          case 'dense': {
            let z = tf.matMul(h as tf.Tensor2D, params[k++] as tf.Tensor2D) as tf.Tensor;
            if (layer.useBias) z = tf.add(z, params[k++]!);
            h = act(layer.activation, z);
            break;
          }
          case 'conv2d': {
            const kernel = params[k++] as tf.Tensor4D;
            // model.cnn's convolution (native forward, custom gradient) where it applies, so
            // an exported CNN re-imports to the very same numbers; im2col otherwise.
            let z: tf.Tensor =
              layer.padding === 'same' && kernel.shape[0] === kernel.shape[1]
                ? conv2dSame(h as tf.Tensor4D, kernel)
                : conv2dStride1(h as tf.Tensor4D, kernel, layer.padding);
            if (layer.useBias) z = tf.add(z, params[k++]!);
            h = act(layer.activation, z);
            break;
          }
          case 'maxPool':
            h = tf.maxPool(
              h as tf.Tensor4D,
              layer.pool as [number, number],
              layer.strides as [number, number],
              layer.padding,
            );
            break;
          case 'flatten':
            h = tf.reshape(h, [h.shape[0]!, -1]);
            break;
          case 'activation':
            h = act(layer.activation, h);
            break;
        }
      });
      return h as tf.Tensor2D;
    });

  return {
    type,
    task: data.task,
    paramInfo,
    size,
    sequential: spec.inputShape.length ? spec : { ...spec, inputShape: input },
    initialValues: () => initial.map((v) => Float32Array.from(v)),
    forward,
    loss(params: readonly tf.Tensor[], batch: Batch | null): tf.Scalar {
      if (!batch) throw new Error(`${type}: loss needs a batch of data`);
      return tf.tidy(() => taskLoss(data.task, forward(params, batch.x), batch.y));
    },
  };
}
