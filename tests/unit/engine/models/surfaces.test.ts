import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SURFACE_NAMES,
  SURFACES,
  type SurfaceName,
  surfaceTensor,
  surfaceValue,
} from '../../../../src-shared/engine/models';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const { PI, sin, cos, exp, sqrt } = Math;

/** f at points, derived by hand from each formula. */
const KNOWN: [SurfaceName, number, number, number][] = [
  ['quadratic', 1, 1, 5.5],
  ['quadratic', -2, 0.5, 3.25],
  ['rosenbrock', 1, 1, 0],
  ['rosenbrock', 0, 0, 1],
  ['rosenbrock', -1.2, 1, 4.84 + 100 * 0.44 ** 2],
  ['beale', 3, 0.5, 0],
  ['beale', 0, 0, 1.5 ** 2 + 2.25 ** 2 + 2.625 ** 2],
  ['beale', 1, 1, 1.5 ** 2 + 2.25 ** 2 + 2.625 ** 2],
  ['himmelblau', 3, 2, 0],
  ['himmelblau', 0, 0, 121 + 49],
  ['saddle', 2, 1, 3],
  ['saddle', 0, 0, 0],
  ['rastrigin', 0, 0, 0],
  ['rastrigin', 1, 1, 2],
  ['rastrigin', 0.5, 0, 20.25],
  ['booth', 1, 3, 0],
  ['booth', 0, 0, 74],
  ['matyas', 0, 0, 0],
  ['matyas', 1, 1, 0.04],
  ['sixHumpCamel', 1, 0, 4 - 2.1 + 1 / 3],
  ['sixHumpCamel', 0, 1, 0],
  ['monkeySaddle', 1, 1, -2],
  ['monkeySaddle', 2, 0, 8],
  ['ackley', 0, 0, 0],
  ['ackley', 1, 0, 20 - 20 * exp(-0.2 * sqrt(0.5))],
  ['ravine', 0, 0, 0],
  // (cos 30°, sin 30°) is the flat axis u: f = ½·1²; the steep axis v: f = ½·50
  ['ravine', cos(PI / 6), sin(PI / 6), 0.5],
  ['ravine', -sin(PI / 6), cos(PI / 6), 25],
  ['plateau', 0, 0, 0],
  ['plateau', 2, 0, 1 - exp(-1)],
];

/** ∇f derived by hand. */
const GRADIENTS: Record<SurfaceName, (x: number, y: number) => [number, number]> = {
  quadratic: (x, y) => [x, 10 * y],
  rosenbrock: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  beale: (x, y) => {
    const a = 1.5 - x + x * y;
    const b = 2.25 - x + x * y * y;
    const c = 2.625 - x + x * y ** 3;
    return [
      2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1),
      2 * a * x + 4 * b * x * y + 6 * c * x * y * y,
    ];
  },
  himmelblau: (x, y) => [
    4 * x * (x * x + y - 11) + 2 * (x + y * y - 7),
    2 * (x * x + y - 11) + 4 * y * (x + y * y - 7),
  ],
  saddle: (x, y) => [2 * x, -2 * y],
  rastrigin: (x, y) => [2 * x + 20 * PI * sin(2 * PI * x), 2 * y + 20 * PI * sin(2 * PI * y)],
  booth: (x, y) => [
    2 * (x + 2 * y - 7) + 4 * (2 * x + y - 5),
    4 * (x + 2 * y - 7) + 2 * (2 * x + y - 5),
  ],
  matyas: (x, y) => [0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x],
  sixHumpCamel: (x, y) => [8 * x - 8.4 * x ** 3 + 2 * x ** 5 + y, x - 8 * y + 16 * y ** 3],
  monkeySaddle: (x, y) => [3 * x * x - 3 * y * y, -6 * x * y],
  ravine: (x, y) => {
    const [c, s] = [cos(PI / 6), sin(PI / 6)];
    const u = c * x + s * y;
    const v = c * y - s * x;
    return [c * u - 50 * s * v, s * u + 50 * c * v];
  },
  plateau: (x, y) => {
    const e = exp(-(x * x + y * y) / 4);
    return [(e * x) / 2, (e * y) / 2];
  },
  ackley: (x, y) => {
    const r = sqrt(0.5 * (x * x + y * y));
    const w = exp(0.5 * (cos(2 * PI * x) + cos(2 * PI * y)));
    const radial = (2 * exp(-0.2 * r)) / r;
    return [radial * x + PI * sin(2 * PI * x) * w, radial * y + PI * sin(2 * PI * y) * w];
  },
};

describe('surface formulas', () => {
  it.each(KNOWN)('%s(%d, %d) = %d', (name, x, y, value) => {
    expect(surfaceValue(name, x, y)).toBeCloseTo(value, 8);
  });

  it.each(SURFACE_NAMES)(
    '%s: its minima are minima (value, zero gradient, lower than around)',
    (name) => {
      const spec = SURFACES[name];
      for (const m of spec.minima) {
        expect(surfaceValue(name, m.x, m.y)).toBeCloseTo(m.value, 6);
        // Ackley's minimum is a cusp (√ of a square): no gradient to check there.
        if (name !== 'ackley') expect(Math.hypot(...GRADIENTS[name](m.x, m.y))).toBeLessThan(1e-4);
        for (const [dx, dy] of [
          [1e-3, 0],
          [0, 1e-3],
          [-1e-3, 0],
          [0, -1e-3],
        ]) {
          expect(surfaceValue(name, m.x + dx!, m.y + dy!)).toBeGreaterThan(m.value);
        }
      }
      for (const s of spec.saddles) expect(Math.hypot(...GRADIENTS[name](s.x, s.y))).toBe(0);
      expect(spec.view.x[0]).toBeLessThan(spec.view.x[1]);
      expect(spec.latex.length).toBeGreaterThan(3);
    },
  );

  it.each(SURFACE_NAMES)('%s: float32 tensors agree with the float64 formula', (name) => {
    const before = tf.memory().numTensors;
    const {
      x: [x0, x1],
      y: [y0, y1],
    } = SURFACES[name].view;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i <= 6; i++) {
      for (let j = 0; j <= 6; j++) {
        xs.push(x0 + ((x1 - x0) * i) / 6);
        ys.push(y0 + ((y1 - y0) * j) / 6);
      }
    }
    const values = tf.tidy(() => surfaceTensor(name, tf.tensor1d(xs), tf.tensor1d(ys)).dataSync());
    values.forEach((v, k) => {
      const exact = surfaceValue(name, xs[k]!, ys[k]!);
      expect(Math.abs(v - exact)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(exact)));
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(SURFACE_NAMES)('%s: tf gradients match the hand-derived gradient', (name) => {
    const before = tf.memory().numTensors;
    for (const [x, y] of [
      [0.3, -0.7],
      [-1.1, 0.4],
      [1.7, 1.3],
    ]) {
      const grads = tf.tidy(() => {
        const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => surfaceTensor(name, a, b) as tf.Scalar);
        return g([tf.scalar(x!), tf.scalar(y!)]).map((t) => t.dataSync()[0]);
      });
      const expected = GRADIENTS[name](x!, y!);
      const scale = Math.max(1, Math.hypot(...expected));
      expect(Math.abs(grads[0]! - expected[0])).toBeLessThan(1e-4 * scale);
      expect(Math.abs(grads[1]! - expected[1])).toBeLessThan(1e-4 * scale);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('ackley has a finite gradient at its minimum', () => {
    const g = tf.tidy(() =>
      tf
        .grads((a: tf.Tensor, b: tf.Tensor) => surfaceTensor('ackley', a, b) as tf.Scalar)([
          tf.scalar(0),
          tf.scalar(0),
        ])
        .map((t) => t.dataSync()[0]),
    );
    expect(g).toEqual([0, 0]);
  });

  it('states the six-hump camel and Himmelblau minima to the published precision', () => {
    expect(surfaceValue('sixHumpCamel', 0.0898420131, -0.712656403)).toBeCloseTo(-1.0316284535, 9);
    for (const m of SURFACES.himmelblau.minima)
      expect(Math.abs(surfaceValue('himmelblau', m.x, m.y))).toBeLessThan(1e-8);
  });
});
