/**
 * Reading a TensorFlow.js Layers `model.json` (tfjs `model.save`, or the Keras converter's
 * `tfjs_layers_model`) into a SequentialSpec and its weights manifest. Everything is checked
 * with zod and bounded before use; anything outside the supported subset is refused with a
 * message naming the layer (class and name).
 */
import { z } from 'zod';
import {
  IMPORT_LIMITS,
  LAYER_ACTIVATIONS,
  type LayerActivation,
  type LayerSpec,
  type SequentialSpec,
} from './sequential-spec';

const SUPPORTED = 'Dense, Conv2D, MaxPooling2D, Flatten, Activation, InputLayer';
const name = z.string().min(1).max(200);
const dim = z.number().int().min(1).max(1_000_000);

const WeightSpecSchema = z.object({
  name: z.string().min(1).max(500),
  shape: z.array(z.number().int().min(0).max(1_000_000)).max(8),
  dtype: z.string().max(32).optional(),
  quantization: z.unknown().optional(),
});
export type WeightSpec = z.infer<typeof WeightSpecSchema>;

/** Weight file names are plain relative names: no absolute paths, no `..`, no URLs. */
const weightPath = z
  .string()
  .min(1)
  .max(256)
  .refine(
    (p) => !/^([a-z]+:|[\\/])/i.test(p) && !p.split(/[\\/]/).includes('..'),
    'must be a file name beside model.json (no absolute path, no "..", no URL)',
  );

export const ModelJsonSchema = z.looseObject({
  modelTopology: z.looseObject({}),
  format: z.string().max(64).optional(),
  weightsManifest: z
    .array(
      z.object({
        paths: z.array(weightPath).max(64),
        weights: z.array(WeightSpecSchema).max(1024),
      }),
    )
    .max(64)
    .optional(),
  /** Embedded models (a graph param, a browser's picked files): the weights, base64. */
  weightData: z.string().optional(),
});
export type ModelJson = z.infer<typeof ModelJsonSchema>;

const LayerSchema = z.looseObject({ class_name: z.string().max(200), config: z.looseObject({}) });
const TopologySchema = z.looseObject({
  class_name: z.string().max(200),
  config: z.union([
    z.looseObject({ name: z.string().max(200).optional(), layers: z.array(z.unknown()) }),
    z.array(z.unknown()),
  ]),
});

const pair = (label: string) =>
  z
    .union([dim, z.array(dim).length(2)])
    .transform((v): [number, number] => (typeof v === 'number' ? [v, v] : [v[0]!, v[1]!]))
    .describe(label);

const shape = z.array(z.number().int().min(1).max(1_000_000).nullable()).min(2).max(4);

const common = {
  name,
  batch_input_shape: shape.optional(),
  batch_shape: shape.optional(),
  input_dim: dim.optional(),
  dtype: z.string().max(32).nullable().optional(),
  data_format: z.string().max(32).nullable().optional(),
};
const activation = z.string().max(64).default('linear');

const DenseConfig = z.looseObject({
  ...common,
  units: z.number().int().min(1).max(IMPORT_LIMITS.maxUnits),
  activation,
  use_bias: z.boolean().default(true),
});
const ConvConfig = z.looseObject({
  ...common,
  filters: z.number().int().min(1).max(IMPORT_LIMITS.maxFilters),
  kernel_size: pair('kernel_size'),
  strides: pair('strides').default([1, 1]),
  dilation_rate: pair('dilation_rate').default([1, 1]),
  padding: z.enum(['valid', 'same']).default('valid'),
  activation,
  use_bias: z.boolean().default(true),
});
const PoolConfig = z.looseObject({
  ...common,
  pool_size: pair('pool_size').default([2, 2]),
  strides: pair('strides').nullable().optional(),
  padding: z.enum(['valid', 'same']).default('valid'),
});
const ActivationConfig = z.looseObject({ ...common, activation });

function zodMessage(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const at = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${at}${issue.message}`;
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${where}: ${zodMessage(parsed.error)}`);
  return parsed.data;
}

function activationOf(value: string, where: string): LayerActivation {
  const known = (LAYER_ACTIVATIONS as readonly string[]).includes(value);
  if (!known) {
    throw new Error(
      `${where}: activation "${value}" is not supported (supported: ${LAYER_ACTIVATIONS.join(', ')})`,
    );
  }
  return value as LayerActivation;
}

/** Parses model.json text (bounded, zod-checked). */
export function parseModelJson(text: string): ModelJson {
  if (text.length > IMPORT_LIMITS.maxJsonChars) {
    throw new Error(
      `model.json is ${text.length} characters; at most ${IMPORT_LIMITS.maxJsonChars}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`model.json is not JSON: ${error instanceof Error ? error.message : error}`);
  }
  return parseWith(ModelJsonSchema, raw, 'model.json');
}

/** The Sequential architecture of a parsed model.json; refuses what the engine cannot run. */
export function sequentialSpecOf(model: ModelJson): SequentialSpec {
  const topology = model.modelTopology as Record<string, unknown>;
  // The Keras converter nests the model under model_config; tfjs's own save does not.
  const root = parseWith(TopologySchema, topology.model_config ?? topology, 'modelTopology');
  if (root.class_name !== 'Sequential') {
    throw new Error(
      `modelTopology: a ${root.class_name} model is not supported; only Sequential models import`,
    );
  }
  const config = Array.isArray(root.config) ? { layers: root.config } : root.config;
  const rawLayers = config.layers;
  if (rawLayers.length === 0) throw new Error('modelTopology: the model has no layers');
  if (rawLayers.length > IMPORT_LIMITS.maxLayers) {
    throw new Error(
      `modelTopology: ${rawLayers.length} layers; at most ${IMPORT_LIMITS.maxLayers}`,
    );
  }
  let inputShape: number[] | null = null;
  const layers: LayerSpec[] = [];
  rawLayers.forEach((raw, i) => {
    const layer = parseWith(LayerSchema, raw, `layer ${i}`);
    const layerName = typeof layer.config.name === 'string' ? layer.config.name : '?';
    const where = `layer ${i} (${layer.class_name} "${layerName}")`;
    const c = layer.config;
    const declared = (c.batch_input_shape ?? c.batch_shape) as unknown;
    if (declared !== undefined && inputShape === null) {
      const dims = parseWith(shape, declared, `${where} batch_input_shape`).slice(1);
      if (dims.some((d) => d === null || d > IMPORT_LIMITS.maxInputSide ** 2)) {
        throw new Error(`${where}: input shape [${dims}] must be fixed and bounded`);
      }
      inputShape = dims as number[];
    }
    if (typeof c.data_format === 'string' && c.data_format !== 'channels_last') {
      throw new Error(
        `${where}: data_format ${c.data_format} is not supported (channels_last only)`,
      );
    }
    switch (layer.class_name) {
      case 'InputLayer':
        return;
      case 'Dense': {
        const d = parseWith(DenseConfig, c, where);
        if (inputShape === null && d.input_dim !== undefined) inputShape = [d.input_dim];
        layers.push({
          kind: 'dense',
          name: d.name,
          units: d.units,
          activation: activationOf(d.activation, where),
          useBias: d.use_bias,
        });
        return;
      }
      case 'Conv2D': {
        const d = parseWith(ConvConfig, c, where);
        if (d.strides.some((s) => s !== 1) || d.dilation_rate.some((s) => s !== 1)) {
          throw new Error(`${where}: only strides 1 and dilation 1 are supported`);
        }
        if (d.kernel_size.some((k) => k > IMPORT_LIMITS.maxKernel)) {
          throw new Error(
            `${where}: kernel_size ${d.kernel_size} is over ${IMPORT_LIMITS.maxKernel}`,
          );
        }
        layers.push({
          kind: 'conv2d',
          name: d.name,
          filters: d.filters,
          kernel: d.kernel_size,
          padding: d.padding,
          activation: activationOf(d.activation, where),
          useBias: d.use_bias,
        });
        return;
      }
      case 'MaxPooling2D':
      case 'MaxPool2D': {
        const d = parseWith(PoolConfig, c, where);
        if (d.pool_size.some((p) => p > IMPORT_LIMITS.maxPool)) {
          throw new Error(`${where}: pool_size ${d.pool_size} is over ${IMPORT_LIMITS.maxPool}`);
        }
        layers.push({
          kind: 'maxPool',
          name: d.name,
          pool: d.pool_size,
          strides: d.strides ?? d.pool_size,
          padding: d.padding,
        });
        return;
      }
      case 'Flatten':
        layers.push({ kind: 'flatten', name: parseWith(z.looseObject(common), c, where).name });
        return;
      case 'Activation': {
        const d = parseWith(ActivationConfig, c, where);
        layers.push({
          kind: 'activation',
          name: d.name,
          activation: activationOf(d.activation, where),
        });
        return;
      }
      default:
        throw new Error(
          `${where}: ${layer.class_name} layers are not supported (supported: ${SUPPORTED})`,
        );
    }
  });
  if (layers.length === 0) throw new Error('modelTopology: the model has no layers to run');
  return {
    name: typeof config.name === 'string' ? config.name : 'sequential',
    inputShape: inputShape ?? [],
    layers,
  };
}
