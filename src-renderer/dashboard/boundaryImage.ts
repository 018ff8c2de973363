/**
 * Colours of the decision-boundary heatmap: each cell mixes the class colours by probability
 * and fades toward the background where the model is unsure (as TensorFlow Playground does).
 */
export const CLASS_COLORS: readonly [number, number, number][] = [
  [245, 147, 34],
  [8, 119, 189],
  [95, 208, 138],
  [240, 98, 146],
  [179, 136, 255],
  [77, 208, 225],
  [255, 209, 102],
  [158, 158, 158],
];
const BACKGROUND: [number, number, number] = [21, 24, 30];

export function classColor(k: number): [number, number, number] {
  return CLASS_COLORS[k % CLASS_COLORS.length]!;
}

/** RGBA pixels, resolution × resolution, row 0 at the top (highest y). */
export function boundaryPixels(
  probs: Float32Array,
  resolution: number,
  classes: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(resolution * resolution * 4);
  for (let i = 0; i < resolution; i++) {
    for (let j = 0; j < resolution; j++) {
      const cell = i * resolution + j;
      let r = 0;
      let g = 0;
      let b = 0;
      let top = 0;
      for (let k = 0; k < classes; k++) {
        const p = probs[cell * classes + k]!;
        const c = classColor(k);
        r += p * c[0];
        g += p * c[1];
        b += p * c[2];
        top = Math.max(top, p);
      }
      const confidence = Number.isFinite(top) ? (top - 1 / classes) / (1 - 1 / classes) : 0;
      const a = 0.25 + 0.6 * Math.max(0, Math.min(1, confidence));
      const row = resolution - 1 - i;
      const o = (row * resolution + j) * 4;
      out[o] = BACKGROUND[0] + (r - BACKGROUND[0]) * a;
      out[o + 1] = BACKGROUND[1] + (g - BACKGROUND[1]) * a;
      out[o + 2] = BACKGROUND[2] + (b - BACKGROUND[2]) * a;
      out[o + 3] = 255;
    }
  }
  return out;
}
