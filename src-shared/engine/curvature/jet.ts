/**
 * Second-order forward-mode differentiation in two variables, in float64: a Jet carries
 * f, ∂f/∂x, ∂f/∂y and the three Hessian entries. Evaluating a surface's formula on jets gives
 * its exact gradient and Hessian (to float64 rounding) — no finite differences, no tfjs.
 */
import type { Arithmetic } from '../models/surfaces';

export interface Jet {
  readonly v: number;
  readonly dx: number;
  readonly dy: number;
  readonly dxx: number;
  readonly dxy: number;
  readonly dyy: number;
}

const constant = (v: number): Jet => ({ v, dx: 0, dy: 0, dxx: 0, dxy: 0, dyy: 0 });
const lift = (a: Jet | number): Jet => (typeof a === 'number' ? constant(a) : a);

/** g(a) for a scalar function with g(a.v) = g0, g'(a.v) = g1, g''(a.v) = g2 (chain rule). */
function unary(a: Jet, g0: number, g1: number, g2: number): Jet {
  return {
    v: g0,
    dx: g1 * a.dx,
    dy: g1 * a.dy,
    dxx: g2 * a.dx * a.dx + g1 * a.dxx,
    dxy: g2 * a.dx * a.dy + g1 * a.dxy,
    dyy: g2 * a.dy * a.dy + g1 * a.dyy,
  };
}

function mul(p: Jet | number, q: Jet | number): Jet {
  const a = lift(p);
  const b = lift(q);
  return {
    v: a.v * b.v,
    dx: a.dx * b.v + a.v * b.dx,
    dy: a.dy * b.v + a.v * b.dy,
    dxx: a.dxx * b.v + 2 * a.dx * b.dx + a.v * b.dxx,
    dxy: a.dxy * b.v + a.dx * b.dy + a.dy * b.dx + a.v * b.dxy,
    dyy: a.dyy * b.v + 2 * a.dy * b.dy + a.v * b.dyy,
  };
}

function combine(p: Jet | number, q: Jet | number, sign: 1 | -1): Jet {
  const a = lift(p);
  const b = lift(q);
  return {
    v: a.v + sign * b.v,
    dx: a.dx + sign * b.dx,
    dy: a.dy + sign * b.dy,
    dxx: a.dxx + sign * b.dxx,
    dxy: a.dxy + sign * b.dxy,
    dyy: a.dyy + sign * b.dyy,
  };
}

export const jetArithmetic: Arithmetic<Jet> = {
  add: (a, b) => combine(a, b, 1),
  sub: (a, b) => combine(a, b, -1),
  mul,
  square: (a) => mul(a, a),
  cos: (a) => unary(a, Math.cos(a.v), -Math.sin(a.v), -Math.cos(a.v)),
  exp: (a) => {
    const e = Math.exp(a.v);
    return unary(a, e, e, e);
  },
  sqrt: (a) => {
    const s = Math.sqrt(a.v);
    return unary(a, s, 0.5 / s, -0.25 / (s * a.v));
  },
};

/** The independent variables x and y at a point, seeded for ∂/∂x and ∂/∂y. */
export function jetVariables(x: number, y: number): [Jet, Jet] {
  return [
    { v: x, dx: 1, dy: 0, dxx: 0, dxy: 0, dyy: 0 },
    { v: y, dx: 0, dy: 1, dxx: 0, dxy: 0, dyy: 0 },
  ];
}
