/** Float64-accumulated vector helpers for flat parameter vectors. */

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function norm(a: Float32Array): number {
  return Math.sqrt(dot(a, a));
}

/** out = c + alpha·d + beta·e, elementwise. */
export function planePoint(
  c: Float32Array,
  d: Float32Array,
  e: Float32Array,
  alpha: number,
  beta: number,
  out = new Float32Array(c.length),
): Float32Array {
  for (let i = 0; i < c.length; i++) out[i] = c[i]! + alpha * d[i]! + beta * e[i]!;
  return out;
}

export function sub(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! - b[i]!;
  return out;
}
