/** The α and β ranges of the grid: symmetric for random directions, fitted to the paths otherwise. */

export interface AxisBox {
  readonly alpha: readonly [number, number];
  readonly beta: readonly [number, number];
}

export function symmetricBox(range: number): AxisBox {
  return { alpha: [-range, range], beta: [-range, range] };
}

/**
 * The bounding box of `points` widened by `margin` of its span on each side; an axis with
 * no span gets ±`fallbackHalfWidth` around its value.
 */
export function fittedBox(
  points: readonly { alpha: number; beta: number }[],
  margin: number,
  fallbackHalfWidth: number,
): AxisBox {
  const extent = (values: number[]): [number, number] => {
    const finite = values.filter(Number.isFinite);
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const width = hi - lo;
    if (!(width > 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi)))) {
      const mid = finite.length ? lo : 0;
      return [mid - fallbackHalfWidth, mid + fallbackHalfWidth];
    }
    return [lo - margin * width, hi + margin * width];
  };
  return { alpha: extent(points.map((p) => p.alpha)), beta: extent(points.map((p) => p.beta)) };
}

/** n evenly spaced values from lo to hi inclusive. */
export function linspace(lo: number, hi: number, n: number): number[] {
  if (n === 1) return [(lo + hi) / 2];
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}
