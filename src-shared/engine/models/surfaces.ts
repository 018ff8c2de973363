/**
 * Classic 2D test functions for optimizers. Each formula is written once against a tiny
 * arithmetic interface, so the same code evaluates exactly in float64 numbers (for labels,
 * tests and exact grids), on float64 jets (exact gradients and Hessians, for training and
 * Newton) and as tfjs ops (batched grids).
 */
import * as tf from '@tensorflow/tfjs';
import { SURFACE_FUNCTIONS } from '../../graph/catalog/models';
import { jetArithmetic, jetVariables } from '../curvature/jet';

type Value<T> = T | number;

export interface Arithmetic<T> {
  add(a: Value<T>, b: Value<T>): T;
  sub(a: Value<T>, b: Value<T>): T;
  mul(a: Value<T>, b: Value<T>): T;
  square(a: T): T;
  cos(a: T): T;
  exp(a: T): T;
  sqrt(a: T): T;
}

export const numberArithmetic: Arithmetic<number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  square: (a) => a * a,
  cos: Math.cos,
  exp: Math.exp,
  sqrt: Math.sqrt,
};

export const tensorArithmetic: Arithmetic<tf.Tensor> = {
  add: (a, b) => tf.add(a, b),
  sub: (a, b) => tf.sub(a, b),
  mul: (a, b) => tf.mul(a, b),
  square: (a) => tf.square(a),
  cos: (a) => tf.cos(a),
  exp: (a) => tf.exp(a),
  sqrt: (a) => tf.sqrt(a),
};

type Formula = <T>(o: Arithmetic<T>, x: T, y: T) => T;

export interface SurfacePoint {
  readonly x: number;
  readonly y: number;
}

export interface SurfaceSpec {
  readonly name: SurfaceName;
  readonly label: string;
  /** The formula in LaTeX, for the inspector and figures. */
  readonly latex: string;
  /** Global minima (value included); empty when the function is unbounded below. */
  readonly minima: readonly (SurfacePoint & { readonly value: number })[];
  /** Saddle points worth marking. */
  readonly saddles: readonly SurfacePoint[];
  /** A view box that shows the interesting part of the landscape. */
  readonly view: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  /** Start used when the block gives none. */
  readonly defaultStart: readonly [number, number];
  readonly formula: Formula;
}

/** The catalog's `model.surface` fn options: the document is the source of the names. */
export const SURFACE_NAMES = SURFACE_FUNCTIONS;
export type SurfaceName = (typeof SURFACE_NAMES)[number];

const box = (lo: number, hi: number, ylo = lo, yhi = hi) => ({
  x: [lo, hi] as const,
  y: [ylo, yhi] as const,
});

const RAVINE_COS = Math.cos(Math.PI / 6);
const RAVINE_SIN = Math.sin(Math.PI / 6);

// Keeps ackley's gradient finite at the origin (d√s/ds is infinite at s = 0).
const ACKLEY_EPS = 1e-20;

const SPECS: Record<SurfaceName, Omit<SurfaceSpec, 'name'>> = {
  quadratic: {
    label: 'Quadratic bowl',
    latex: '\\tfrac{1}{2}\\left(x^2 + 10y^2\\right)',
    minima: [{ x: 0, y: 0, value: 0 }],
    saddles: [],
    view: box(-3, 3),
    defaultStart: [-2.5, 1.5],
    formula: (o, x, y) => o.mul(0.5, o.add(o.square(x), o.mul(10, o.square(y)))),
  },
  rosenbrock: {
    label: 'Rosenbrock',
    latex: '(1-x)^2 + 100\\,(y-x^2)^2',
    minima: [{ x: 1, y: 1, value: 0 }],
    saddles: [],
    view: box(-2, 2, -1, 3),
    defaultStart: [-1.2, 1],
    formula: (o, x, y) => o.add(o.square(o.sub(1, x)), o.mul(100, o.square(o.sub(y, o.square(x))))),
  },
  beale: {
    label: 'Beale',
    latex: '(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2',
    minima: [{ x: 3, y: 0.5, value: 0 }],
    saddles: [],
    view: box(-4.5, 4.5),
    defaultStart: [1, 1.5],
    formula: (o, x, y) => {
      const y2 = o.square(y);
      const term = (c: number, yk: typeof y) => o.square(o.add(o.sub(c, x), o.mul(x, yk)));
      return o.add(o.add(term(1.5, y), term(2.25, y2)), term(2.625, o.mul(y2, y)));
    },
  },
  himmelblau: {
    label: 'Himmelblau',
    latex: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    minima: [
      { x: 3, y: 2, value: 0 },
      { x: -2.805118, y: 3.131312, value: 0 },
      { x: -3.77931, y: -3.283186, value: 0 },
      { x: 3.584428, y: -1.848126, value: 0 },
    ],
    saddles: [],
    view: box(-5, 5),
    defaultStart: [0, 0],
    formula: (o, x, y) =>
      o.add(o.square(o.sub(o.add(o.square(x), y), 11)), o.square(o.sub(o.add(x, o.square(y)), 7))),
  },
  saddle: {
    label: 'Saddle',
    latex: 'x^2 - y^2',
    minima: [],
    saddles: [{ x: 0, y: 0 }],
    view: box(-2, 2),
    defaultStart: [1.5, 0.01],
    formula: (o, x, y) => o.sub(o.square(x), o.square(y)),
  },
  rastrigin: {
    label: 'Rastrigin',
    latex: '20 + x^2 - 10\\cos(2\\pi x) + y^2 - 10\\cos(2\\pi y)',
    minima: [{ x: 0, y: 0, value: 0 }],
    saddles: [],
    view: box(-5.12, 5.12),
    defaultStart: [2.5, -2.2],
    formula: (o, x, y) => {
      const part = (t: typeof x) => o.sub(o.square(t), o.mul(10, o.cos(o.mul(2 * Math.PI, t))));
      return o.add(20, o.add(part(x), part(y)));
    },
  },
  booth: {
    label: 'Booth',
    latex: '(x + 2y - 7)^2 + (2x + y - 5)^2',
    minima: [{ x: 1, y: 3, value: 0 }],
    saddles: [],
    view: box(-10, 10),
    defaultStart: [-7, -8],
    formula: (o, x, y) =>
      o.add(o.square(o.sub(o.add(x, o.mul(2, y)), 7)), o.square(o.sub(o.add(o.mul(2, x), y), 5))),
  },
  matyas: {
    label: 'Matyas',
    latex: '0.26\\,(x^2 + y^2) - 0.48\\,xy',
    minima: [{ x: 0, y: 0, value: 0 }],
    saddles: [],
    view: box(-10, 10),
    defaultStart: [8, -6],
    formula: (o, x, y) =>
      o.sub(o.mul(0.26, o.add(o.square(x), o.square(y))), o.mul(0.48, o.mul(x, y))),
  },
  sixHumpCamel: {
    label: 'Six-hump camel',
    latex: '\\left(4 - 2.1x^2 + \\tfrac{x^4}{3}\\right)x^2 + xy + \\left(-4 + 4y^2\\right)y^2',
    minima: [
      { x: 0.0898420131, y: -0.712656403, value: -1.0316284535 },
      { x: -0.0898420131, y: 0.712656403, value: -1.0316284535 },
    ],
    saddles: [],
    view: box(-3, 3, -2, 2),
    defaultStart: [-1.5, -1],
    formula: (o, x, y) => {
      const x2 = o.square(x);
      const y2 = o.square(y);
      const xPart = o.mul(o.add(o.sub(4, o.mul(2.1, x2)), o.mul(1 / 3, o.square(x2))), x2);
      return o.add(o.add(xPart, o.mul(x, y)), o.mul(o.add(-4, o.mul(4, y2)), y2));
    },
  },
  monkeySaddle: {
    label: 'Monkey saddle',
    latex: 'x^3 - 3xy^2',
    minima: [],
    saddles: [{ x: 0, y: 0 }],
    view: box(-1.5, 1.5),
    defaultStart: [0.5, 0.5],
    formula: (o, x, y) => o.sub(o.mul(o.square(x), x), o.mul(3, o.mul(x, o.square(y)))),
  },
  ackley: {
    label: 'Ackley',
    latex:
      '-20\\,e^{-0.2\\sqrt{\\frac{1}{2}(x^2+y^2)}} - e^{\\frac{1}{2}(\\cos 2\\pi x + \\cos 2\\pi y)} + e + 20',
    minima: [{ x: 0, y: 0, value: 0 }],
    saddles: [],
    view: box(-5, 5),
    defaultStart: [3, -2.5],
    formula: (o, x, y) => {
      const radius = o.sqrt(o.add(o.mul(0.5, o.add(o.square(x), o.square(y))), ACKLEY_EPS));
      const waves = o.mul(0.5, o.add(o.cos(o.mul(2 * Math.PI, x)), o.cos(o.mul(2 * Math.PI, y))));
      const sum = o.sub(o.mul(-20, o.exp(o.mul(-0.2, radius))), o.exp(waves));
      return o.add(sum, Math.E + 20);
    },
  },
  ravine: {
    label: 'Ravine (ill-conditioned, rotated)',
    latex:
      '\\tfrac{1}{2}\\left(u^2 + 50\\,v^2\\right),\\; u = x\\cos 30^\\circ + y\\sin 30^\\circ,\\; v = y\\cos 30^\\circ - x\\sin 30^\\circ',
    minima: [{ x: 0, y: 0, value: 0 }],
    saddles: [],
    view: box(-3, 3),
    defaultStart: [-2.5, 1],
    // Curvatures 1 and 50 along axes turned 30°: the lecture's (and Distill's) momentum demo.
    formula: (o, x, y) => {
      const u = o.add(o.mul(RAVINE_COS, x), o.mul(RAVINE_SIN, y));
      const v = o.sub(o.mul(RAVINE_COS, y), o.mul(RAVINE_SIN, x));
      return o.mul(0.5, o.add(o.square(u), o.mul(50, o.square(v))));
    },
  },
  plateau: {
    label: 'Plateau',
    latex: '1 - e^{-(x^2 + y^2)/4}',
    minima: [{ x: 0, y: 0, value: 0 }],
    saddles: [],
    view: box(-5, 5),
    defaultStart: [3.5, 1.5],
    // Nearly flat far from the centre: small steps crawl, as the lecture's plateau warns.
    formula: (o, x, y) => o.sub(1, o.exp(o.mul(-0.25, o.add(o.square(x), o.square(y))))),
  },
};

export const SURFACES: Readonly<Record<SurfaceName, SurfaceSpec>> = Object.fromEntries(
  SURFACE_NAMES.map((name) => [name, { name, ...SPECS[name] }]),
) as Record<SurfaceName, SurfaceSpec>;

/** f(x, y) exactly, in float64. */
export function surfaceValue(name: SurfaceName, x: number, y: number): number {
  return SURFACES[name].formula(numberArithmetic, x, y);
}

/** f elementwise over tensors x and y of one shape (float32). */
export function surfaceTensor(name: SurfaceName, x: tf.Tensor, y: tf.Tensor): tf.Tensor {
  return SURFACES[name].formula(tensorArithmetic, x, y);
}

/** f, ∇f and the Hessian [fxx, fxy, fyy] at (x, y), exact to float64 rounding. */
export interface SurfaceDerivatives {
  readonly value: number;
  readonly gradient: readonly [number, number];
  readonly hessian: readonly [number, number, number];
}

export function surfaceDerivatives(name: SurfaceName, x: number, y: number): SurfaceDerivatives {
  const [jx, jy] = jetVariables(x, y);
  const f = SURFACES[name].formula(jetArithmetic, jx, jy);
  return { value: f.v, gradient: [f.dx, f.dy], hessian: [f.dxx, f.dxy, f.dyy] };
}
