/**
 * The order in which a progressive N×N grid is filled: every `coarseStride`-th row and column
 * first (plus the last, so the coarse surface spans the whole square), then halving strides.
 */

function lineIndices(n: number, stride: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += stride) out.push(i);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/** Flat indices (row j = β index, column i = α index: j·N + i) per level, coarse to fine. */
export function progressiveLevels(n: number, coarseStride = 4): Int32Array[] {
  if (!Number.isInteger(coarseStride) || coarseStride < 1) {
    throw new Error(`coarseStride must be a positive integer, got ${coarseStride}`);
  }
  const seen = new Uint8Array(n * n);
  const levels: Int32Array[] = [];
  for (let stride = coarseStride; ; stride = Math.max(1, Math.floor(stride / 2))) {
    const lines = lineIndices(n, stride);
    const level: number[] = [];
    for (const j of lines) {
      for (const i of lines) {
        const k = j * n + i;
        if (!seen[k]) {
          seen[k] = 1;
          level.push(k);
        }
      }
    }
    if (level.length) levels.push(Int32Array.from(level));
    if (stride === 1) break;
  }
  return levels;
}
