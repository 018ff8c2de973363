/**
 * The architectures that travel in the TensorFlow.js Layers format: a Sequential stack of
 * Dense, Conv2D (stride 1), MaxPooling2D and Flatten layers (and Activation), channels last.
 * Import turns a model.json into this spec; export writes one back from it.
 */

/** Activations both tfjs and the engine know, by their tfjs/Keras names. */
export const LAYER_ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'selu',
  'tanh',
  'sigmoid',
  'hard_sigmoid',
  'softplus',
  'softsign',
  'swish',
  'softmax',
] as const;
export type LayerActivation = (typeof LAYER_ACTIVATIONS)[number];

export type Padding = 'valid' | 'same';

export type LayerSpec =
  | {
      readonly kind: 'dense';
      readonly name: string;
      readonly units: number;
      readonly activation: LayerActivation;
      readonly useBias: boolean;
    }
  | {
      readonly kind: 'conv2d';
      readonly name: string;
      readonly filters: number;
      readonly kernel: readonly [number, number];
      readonly padding: Padding;
      readonly activation: LayerActivation;
      readonly useBias: boolean;
    }
  | {
      readonly kind: 'maxPool';
      readonly name: string;
      readonly pool: readonly [number, number];
      readonly strides: readonly [number, number];
      readonly padding: Padding;
    }
  | { readonly kind: 'flatten'; readonly name: string }
  | { readonly kind: 'activation'; readonly name: string; readonly activation: LayerActivation };

export interface SequentialSpec {
  readonly name: string;
  /** Shape of one sample, without the batch axis: [features] or [h, w, c]. */
  readonly inputShape: readonly number[];
  readonly layers: readonly LayerSpec[];
}

/** One weight tensor of the spec, in the order tfjs lists them (kernel, then bias). */
export interface WeightSlot {
  readonly layer: string;
  readonly role: 'kernel' | 'bias';
  readonly shape: readonly number[];
}

/** Bounds that keep a hostile file from asking for absurd work or memory. */
export const IMPORT_LIMITS = Object.freeze({
  maxLayers: 64,
  maxUnits: 4096,
  maxFilters: 1024,
  maxKernel: 15,
  maxPool: 16,
  maxInputSide: 512,
  /** 2^22 floats: 16 MiB of weights. */
  maxParams: 2 ** 22,
  /** model.json text. */
  maxJsonChars: 8 * 1024 * 1024,
});

const describeLayer = (index: number, layer: LayerSpec): string =>
  `layer ${index} (${layer.kind} "${layer.name}")`;

/** Shapes after each layer and the weight slots, checking that the stack fits together. */
export function traceSpec(spec: SequentialSpec): {
  readonly outputShape: readonly number[];
  readonly slots: readonly WeightSlot[];
} {
  let shape = [...spec.inputShape];
  const slots: WeightSlot[] = [];
  let params = 0;
  spec.layers.forEach((layer, i) => {
    const where = describeLayer(i, layer);
    switch (layer.kind) {
      case 'dense': {
        if (shape.length !== 1) {
          throw new Error(`${where}: Dense needs flat input, got shape [${shape}] (add a Flatten)`);
        }
        slots.push({ layer: layer.name, role: 'kernel', shape: [shape[0]!, layer.units] });
        if (layer.useBias) slots.push({ layer: layer.name, role: 'bias', shape: [layer.units] });
        params += (shape[0]! + (layer.useBias ? 1 : 0)) * layer.units;
        shape = [layer.units];
        break;
      }
      case 'conv2d': {
        if (shape.length !== 3) {
          throw new Error(`${where}: Conv2D needs [height, width, channels] input, got [${shape}]`);
        }
        const [h, w, c] = shape as [number, number, number];
        const [kh, kw] = layer.kernel;
        slots.push({ layer: layer.name, role: 'kernel', shape: [kh, kw, c, layer.filters] });
        if (layer.useBias) slots.push({ layer: layer.name, role: 'bias', shape: [layer.filters] });
        params += (kh * kw * c + (layer.useBias ? 1 : 0)) * layer.filters;
        shape =
          layer.padding === 'same'
            ? [h, w, layer.filters]
            : [h - kh + 1, w - kw + 1, layer.filters];
        break;
      }
      case 'maxPool': {
        if (shape.length !== 3) throw new Error(`${where}: MaxPooling2D needs image input`);
        const [h, w, c] = shape as [number, number, number];
        const side = (n: number, p: number, s: number) =>
          layer.padding === 'same' ? Math.ceil(n / s) : Math.floor((n - p) / s) + 1;
        shape = [
          side(h, layer.pool[0], layer.strides[0]),
          side(w, layer.pool[1], layer.strides[1]),
          c,
        ];
        break;
      }
      case 'flatten':
        shape = [shape.reduce((a, b) => a * b, 1)];
        break;
      case 'activation':
        break;
    }
    if (shape.some((n) => !(n >= 1))) {
      throw new Error(
        `${where}: leaves an empty output (shape [${shape}]); the input is too small`,
      );
    }
    if (params > IMPORT_LIMITS.maxParams) {
      throw new Error(`${where}: the model has over ${IMPORT_LIMITS.maxParams} parameters`);
    }
  });
  return { outputShape: shape, slots };
}
