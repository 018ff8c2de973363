/**
 * Writing a model in the TensorFlow.js Layers format: `model.json` (topology + weights
 * manifest) and one `weights.bin`, as tfjs `model.save` writes them, so that
 * `tf.loadLayersModel` and this app's import both read it.
 */
import type { Model } from '../../types';
import { bytesToBase64 } from './base64';
import type { LayerSpec, SequentialSpec } from './sequential-spec';
import { traceSpec } from './sequential-spec';
import { writeWeights } from './weights';

export const WEIGHTS_FILE = 'weights.bin';

export interface LayersArtifacts {
  /** The model.json object (JSON.stringify it to write the file). */
  readonly modelJson: Record<string, unknown>;
  /** The contents of weights.bin. */
  readonly weights: Uint8Array;
}

function layerJson(layer: LayerSpec, first: boolean, input: readonly number[]) {
  const base = {
    name: layer.name,
    trainable: true,
    dtype: 'float32',
    ...(first ? { batch_input_shape: [null, ...input] } : {}),
  };
  switch (layer.kind) {
    case 'dense':
      return {
        class_name: 'Dense',
        config: {
          ...base,
          units: layer.units,
          activation: layer.activation,
          use_bias: layer.useBias,
        },
      };
    case 'conv2d':
      return {
        class_name: 'Conv2D',
        config: {
          ...base,
          filters: layer.filters,
          kernel_size: [...layer.kernel],
          strides: [1, 1],
          padding: layer.padding,
          data_format: 'channels_last',
          dilation_rate: [1, 1],
          activation: layer.activation,
          use_bias: layer.useBias,
        },
      };
    case 'maxPool':
      return {
        class_name: 'MaxPooling2D',
        config: {
          ...base,
          pool_size: [...layer.pool],
          strides: [...layer.strides],
          padding: layer.padding,
          data_format: 'channels_last',
        },
      };
    case 'flatten':
      return { class_name: 'Flatten', config: { ...base, data_format: 'channels_last' } };
    case 'activation':
      return { class_name: 'Activation', config: { ...base, activation: layer.activation } };
  }
}

/** Why a model cannot be exported, or null when it can. */
export function exportUnavailable(model: Model): string | null {
  if (model.task === 'surface') return `${model.type} is a formula, not a network`;
  if (!model.sequential) {
    return `${model.type} has no Sequential form (residual skips or an activation tfjs lacks)`;
  }
  return null;
}

/** model.json + weights.bin for `values` (one array per model parameter, paramInfo order). */
export function exportLayersModel(model: Model, values: readonly Float32Array[]): LayersArtifacts {
  const why = exportUnavailable(model);
  if (why) throw new Error(`cannot export: ${why}`);
  const spec = model.sequential as SequentialSpec;
  const { slots } = traceSpec(spec);
  if (slots.length !== values.length || slots.length !== model.paramInfo.length) {
    throw new Error(`cannot export: ${values.length} weight arrays for ${slots.length} weights`);
  }
  slots.forEach((slot, i) => {
    const expected = slot.shape.reduce((a, b) => a * b, 1);
    if (values[i]!.length !== expected) {
      throw new Error(
        `cannot export: ${slot.layer}/${slot.role} has ${values[i]!.length} values, not ${expected}`,
      );
    }
  });
  const modelJson = {
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: spec.name,
        layers: spec.layers.map((layer, i) => layerJson(layer, i === 0, spec.inputShape)),
      },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    format: 'layers-model',
    generatedBy: 'Gradient Atlas',
    convertedBy: null,
    weightsManifest: [
      {
        paths: [`./${WEIGHTS_FILE}`],
        weights: slots.map((slot) => ({
          name: `${slot.layer}/${slot.role}`,
          shape: [...slot.shape],
          dtype: 'float32',
        })),
      },
    ],
  };
  return { modelJson, weights: writeWeights(values) };
}

/** One self-contained JSON: model.json with its weights inline as base64 `weightData`. */
export function embedArtifacts(artifacts: LayersArtifacts): Record<string, unknown> {
  const { weightsManifest, ...rest } = artifacts.modelJson as {
    weightsManifest: { weights: unknown[] }[];
  };
  return {
    ...rest,
    weightsManifest: weightsManifest.map((group) => ({ paths: [], weights: group.weights })),
    weightData: bytesToBase64(artifacts.weights),
  };
}
