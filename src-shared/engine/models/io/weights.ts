/**
 * Weights of a Layers model: the manifest's tensors laid end to end in the weight files
 * (float32, little-endian), matched to the spec's slots by name (`layer/kernel`), else by
 * position, and checked for shape.
 */
import type { WeightSpec } from './layers-json';
import type { WeightSlot } from './sequential-spec';

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** One Float32Array per slot, copied out of `bytes` (the weight files, concatenated). */
export function readWeights(
  slots: readonly WeightSlot[],
  specs: readonly WeightSpec[],
  bytes: Uint8Array,
): Float32Array[] {
  const offsets: number[] = [];
  let total = 0;
  for (const spec of specs) {
    if (spec.quantization !== undefined) {
      throw new Error(`weight "${spec.name}" is quantized; only float32 weights are supported`);
    }
    if ((spec.dtype ?? 'float32') !== 'float32') {
      throw new Error(`weight "${spec.name}" is ${spec.dtype}; only float32 weights are supported`);
    }
    offsets.push(total);
    total += 4 * sizeOf(spec.shape);
  }
  if (total !== bytes.length) {
    throw new Error(`the weight files hold ${bytes.length} bytes; the manifest describes ${total}`);
  }
  if (specs.length !== slots.length) {
    throw new Error(`the manifest lists ${specs.length} weights; the layers need ${slots.length}`);
  }
  const byName = new Map(specs.map((s, i) => [s.name, i]));
  return slots.map((slot, k) => {
    const wanted = `${slot.layer}/${slot.role}`;
    const index = byName.get(wanted) ?? specs.findIndex((s) => s.name.endsWith(`/${wanted}`));
    const i = index >= 0 ? index : k;
    const spec = specs[i]!;
    if (spec.shape.length !== slot.shape.length || spec.shape.some((d, j) => d !== slot.shape[j])) {
      throw new Error(
        `weight "${spec.name}" has shape [${spec.shape}]; layer "${slot.layer}" needs ${slot.role} [${slot.shape}]`,
      );
    }
    const count = sizeOf(slot.shape);
    const view = new DataView(bytes.buffer, bytes.byteOffset + offsets[i]!, 4 * count);
    const out = new Float32Array(count);
    for (let j = 0; j < count; j++) out[j] = view.getFloat32(4 * j, true);
    return out;
  });
}

/** The weights end to end as float32 little-endian bytes (weights.bin). */
export function writeWeights(values: readonly Float32Array[]): Uint8Array {
  const count = values.reduce((n, v) => n + v.length, 0);
  const bytes = new Uint8Array(4 * count);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const v of values) {
    for (let j = 0; j < v.length; j++) view.setFloat32(offset + 4 * j, v[j]!, true);
    offset += 4 * v.length;
  }
  return bytes;
}
