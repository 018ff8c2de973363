/**
 * A rough upper estimate of a run's memory, checked before it starts so that a graph asking
 * for absurd sizes is refused with a message instead of exhausting the device. Every layer is
 * counted, the input layer included: a wide CSV feeding a wide first layer is the usual way a
 * graph gets too big.
 */
import type { Dataset, Model } from '../types';

/** What one run may use: generous for teaching-size models, far below a device's memory. */
export const MEMORY_BUDGET_BYTES = 1.5 * 1024 ** 3;

const FLOAT_BYTES = 4;
/**
 * Copies of the parameters alive at a step's peak: the variables, the initial values kept on
 * the host, the tensor a variable is made from, the gradients, up to three optimizer slots and
 * an update's temporaries.
 */
const PARAMETER_COPIES = 8;
/**
 * WebAssembly memory grows by doubling and never shrinks, so the process holds up to twice
 * what is live. Measured: a 5000-feature CSV into hidden [4096, 4096] (37.3 M parameters,
 * 149 MB a copy) peaked at 2.65 GB resident for two Adam steps, about 17.7 copies.
 */
const HEAP_GROWTH = 2;
/** Per example and layer in a training step: the pre-activation, the activation, their gradients. */
const ACTIVATION_COPIES = 4;
/** Per example and layer in an evaluation (forward only, over the whole validation split). */
const EVALUATION_COPIES = 2;
/** Host copies of the data (the parsed rows, the train/val split), and the tensors on the device. */
const HOST_DATA_COPIES = 2;

export interface RunMemory {
  readonly parameters: number;
  readonly activations: number;
  readonly data: number;
  readonly total: number;
}

/** Floats one example produces in each layer, starting with the input layer itself. */
export function layerWidths(model: Model, dataset: Dataset | null): number[] {
  const inputs = dataset ? dataset.numFeatures : 0;
  const widths = [inputs];
  for (const info of model.paramInfo) {
    const shape = info.shape;
    if (shape.length === 2) widths.push(shape[1]!); // dense [in, out]
    if (shape.length === 4) {
      // A `same` convolution [k, k, cin, cout] on at most the input image's pixels: its output
      // plus the patch matrix (im2col) that computes it.
      const [k, , cin, cout] = shape as [number, number, number, number];
      const pixels = dataset?.imageShape
        ? dataset.imageShape[0] * dataset.imageShape[1]
        : Math.max(1, inputs);
      widths.push(pixels * (cout + k * k * cin));
    }
  }
  return widths;
}

export function estimateRunMemory(
  model: Model,
  dataset: Dataset | null,
  batchSize: number,
): RunMemory {
  const parameters = model.size * FLOAT_BYTES * PARAMETER_COPIES * HEAP_GROWTH;
  const perExample = layerWidths(model, dataset).reduce((a, b) => a + b, 0);
  const batch = dataset ? Math.min(batchSize, dataset.train.n) : 1;
  const step = batch * perExample * ACTIVATION_COPIES;
  // Validation runs the whole split through the model at once.
  const evaluation = (dataset?.val.n ?? 0) * perExample * EVALUATION_COPIES;
  const activations = Math.max(step, evaluation) * FLOAT_BYTES * HEAP_GROWTH;
  const rows = dataset ? dataset.train.n + dataset.val.n : 0;
  const data =
    rows * ((dataset?.numFeatures ?? 0) + 1) * FLOAT_BYTES * (HOST_DATA_COPIES + HEAP_GROWTH);
  return { parameters, activations, data, total: parameters + activations + data };
}

export function estimateRunBytes(model: Model, dataset: Dataset | null, batchSize: number): number {
  return estimateRunMemory(model, dataset, batchSize).total;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
}
