/**
 * The 2D point picker's geometry: the box it shows (the surface's view box, widened to hold
 * the current point), pixel <-> surface coordinates (y grows upward, as in the lecture's
 * plots), values rounded to what a person can aim at, and the banded shading of the surface.
 */
export interface ViewBox {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** The view box, widened (with a margin) when the point lies outside it. */
export function pickerBox(view: ViewBox, point: readonly [number, number]): ViewBox {
  const widen = (range: readonly [number, number], value: number): [number, number] => {
    const margin = (range[1] - range[0]) * 0.1;
    if (!Number.isFinite(value)) return [range[0], range[1]];
    return [Math.min(range[0], value - margin), Math.max(range[1], value + margin)];
  };
  return { x: widen(view.x, point[0]), y: widen(view.y, point[1]) };
}

/** A fraction (0..1 from the left / top) of the picker -> surface coordinates. */
export function fromPicker(box: ViewBox, u: number, v: number): [number, number] {
  const cu = Math.min(1, Math.max(0, u));
  const cv = Math.min(1, Math.max(0, v));
  return [box.x[0] + cu * (box.x[1] - box.x[0]), box.y[1] - cv * (box.y[1] - box.y[0])];
}

/** Surface coordinates -> fractions of the picker (0..1 from the left / top). */
export function toPicker(box: ViewBox, x: number, y: number): [number, number] {
  return [(x - box.x[0]) / (box.x[1] - box.x[0]), (box.y[1] - y) / (box.y[1] - box.y[0])];
}

/** Rounds to about a two-hundredth of the span, in a decimal step (0.01 for a span of 4). */
export function roundForSpan(value: number, span: number): number {
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(span)));
  return Number(value.toFixed(decimals));
}

/** The step one arrow key moves the point: about a fortieth of the span, a power of ten. */
export function arrowStep(span: number): number {
  return 10 ** Math.round(Math.log10(span / 40));
}

/**
 * Each value's contour band 0..bands-1: log-compressed height above the minimum, split into
 * equal steps between the lowest and the 95th-percentile value (peaks share the top band).
 */
export function contourBands(values: readonly number[], bands: number): number[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return values.map(() => 0);
  const low = Math.min(...finite);
  const lifted = (value: number) => Math.log1p(Math.max(0, value - low));
  const sorted = finite.map(lifted).sort((a, b) => a - b);
  const high = sorted[Math.floor(0.95 * (sorted.length - 1))] || 1;
  return values.map((value) => {
    if (!Number.isFinite(value)) return bands - 1;
    return Math.min(bands - 1, Math.floor((lifted(value) / high) * bands));
  });
}
