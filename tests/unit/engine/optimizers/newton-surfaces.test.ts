/**
 * Newton's method on every analytic surface, through the app's real path (compileGraph →
 * train → optimizer.newton), against a float64 reference path derived by hand below: each
 * surface's gradient and Hessian written out from its formula, θ ← θ − H⁻¹∇f in JS numbers.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { firstValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../../../src-shared/engine/compile-graph';
import { SURFACE_NAMES, SURFACES, type SurfaceName } from '../../../../src-shared/engine/models';
import { parseGraphText } from '../../../../src-shared/graph';
import type { RunEvent, StepEvent } from '../../../../src-shared/protocol/events';

type Derivs = { g: [number, number]; h: [number, number, number] };
type Residual = { r: number; g: [number, number]; h: [number, number, number] };

/** f = Σ r_k²: ∇f = Σ 2 r ∇r, H = Σ 2 (∇r∇rᵀ + r ∇²r). */
function sumOfSquares(rs: Residual[]): Derivs {
  const out: Derivs = { g: [0, 0], h: [0, 0, 0] };
  for (const { r, g, h } of rs) {
    out.g[0] += 2 * r * g[0];
    out.g[1] += 2 * r * g[1];
    out.h[0] += 2 * (g[0] * g[0] + r * h[0]);
    out.h[1] += 2 * (g[0] * g[1] + r * h[1]);
    out.h[2] += 2 * (g[1] * g[1] + r * h[2]);
  }
  return out;
}

const { PI, cos, sin, exp, sqrt } = Math;
const C30 = cos(PI / 6);
const S30 = sin(PI / 6);

const REFERENCE: Record<SurfaceName, (x: number, y: number) => Derivs> = {
  quadratic: (x, y) => ({ g: [x, 10 * y], h: [1, 0, 10] }),
  rosenbrock: (x, y) => ({
    g: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    h: [2 - 400 * y + 1200 * x * x, -400 * x, 200],
  }),
  beale: (x, y) =>
    sumOfSquares(
      ([1.5, 2.25, 2.625] as const).map((c, k) => {
        const i = k + 1;
        return {
          r: c - x + x * y ** i,
          g: [y ** i - 1, i * x * y ** (i - 1)],
          h: [0, i * y ** (i - 1), i * (i - 1) * x * y ** Math.max(i - 2, 0)],
        };
      }),
    ),
  himmelblau: (x, y) =>
    sumOfSquares([
      { r: x * x + y - 11, g: [2 * x, 1], h: [2, 0, 0] },
      { r: x + y * y - 7, g: [1, 2 * y], h: [0, 0, 2] },
    ]),
  saddle: (x, y) => ({ g: [2 * x, -2 * y], h: [2, 0, -2] }),
  rastrigin: (x, y) => ({
    g: [2 * x + 20 * PI * sin(2 * PI * x), 2 * y + 20 * PI * sin(2 * PI * y)],
    h: [2 + 40 * PI * PI * cos(2 * PI * x), 0, 2 + 40 * PI * PI * cos(2 * PI * y)],
  }),
  booth: (x, y) =>
    sumOfSquares([
      { r: x + 2 * y - 7, g: [1, 2], h: [0, 0, 0] },
      { r: 2 * x + y - 5, g: [2, 1], h: [0, 0, 0] },
    ]),
  matyas: (x, y) => ({ g: [0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x], h: [0.52, -0.48, 0.52] }),
  sixHumpCamel: (x, y) => ({
    g: [8 * x - 8.4 * x ** 3 + 2 * x ** 5 + y, x - 8 * y + 16 * y ** 3],
    h: [8 - 25.2 * x * x + 10 * x ** 4, 1, -8 + 48 * y * y],
  }),
  monkeySaddle: (x, y) => ({ g: [3 * x * x - 3 * y * y, -6 * x * y], h: [6 * x, -6 * y, -6 * x] }),
  ackley: (x, y) => {
    const r = sqrt(0.5 * (x * x + y * y));
    const a1 = 4 * exp(-0.2 * r); // dA/dr for A = −20 e^{−0.2r}
    const a2 = -0.8 * exp(-0.2 * r);
    const [rx, ry] = [(0.5 * x) / r, (0.5 * y) / r];
    const [rxx, rxy, ryy] = [
      0.5 / r - (0.25 * x * x) / r ** 3,
      (-0.25 * x * y) / r ** 3,
      0.5 / r - (0.25 * y * y) / r ** 3,
    ];
    const ec = exp(0.5 * (cos(2 * PI * x) + cos(2 * PI * y))); // B = −e^c
    const [cx, cy] = [-PI * sin(2 * PI * x), -PI * sin(2 * PI * y)];
    const [cxx, cyy] = [-2 * PI * PI * cos(2 * PI * x), -2 * PI * PI * cos(2 * PI * y)];
    return {
      g: [a1 * rx - ec * cx, a1 * ry - ec * cy],
      h: [
        a2 * rx * rx + a1 * rxx - ec * (cx * cx + cxx),
        a2 * rx * ry + a1 * rxy - ec * cx * cy,
        a2 * ry * ry + a1 * ryy - ec * (cy * cy + cyy),
      ],
    };
  },
  ravine: (x, y) => {
    const h: [number, number, number] = [
      C30 * C30 + 50 * S30 * S30,
      C30 * S30 - 50 * S30 * C30,
      S30 * S30 + 50 * C30 * C30,
    ];
    return { g: [h[0] * x + h[1] * y, h[1] * x + h[2] * y], h };
  },
  plateau: (x, y) => {
    const e = exp(-0.25 * (x * x + y * y));
    return {
      g: [0.5 * e * x, 0.5 * e * y],
      h: [e * (0.5 - 0.25 * x * x), -0.25 * e * x * y, e * (0.5 - 0.25 * y * y)],
    };
  },
};

/**
 * θ ← θ − H⁻¹∇f in float64, from the float32 start the app stores. `store` rounds θ after
 * each step as a float32 parameter does (Math.fround), to tell storage round-off apart.
 */
function referencePath(
  name: SurfaceName,
  start: readonly [number, number],
  steps: number,
  store = (v: number) => v,
): number[][] {
  let x = Math.fround(start[0]);
  let y = Math.fround(start[1]);
  const path = [[x, y]];
  for (let k = 1; k < steps; k++) {
    const { g, h } = REFERENCE[name](x, y);
    const det = h[0] * h[2] - h[1] * h[1];
    x = store(x - (h[2] * g[0] - h[1] * g[1]) / det);
    y = store(y - (h[0] * g[1] - h[1] * g[0]) / det);
    path.push([x, y]);
  }
  return path;
}

function deviation(a: number[][], b: number[][]): number {
  let worst = 0;
  a.forEach((p, k) => {
    const scale = Math.max(1, Math.hypot(b[k]![0]!, b[k]![1]!));
    worst = Math.max(worst, Math.hypot(p[0]! - b[k]![0]!, p[1]! - b[k]![1]!) / scale);
  });
  return worst;
}

async function newtonPath(
  name: SurfaceName,
  start: readonly number[],
  steps: number,
): Promise<number[][]> {
  const parsed = parseGraphText(
    JSON.stringify({
      format: 'gradient-atlas/graph',
      version: 1,
      name: 'newton',
      nodes: [
        { id: 's', type: 'model.surface', params: { fn: name, start }, position: { x: 0, y: 0 } },
        {
          id: 'o',
          type: 'optimizer.newton',
          params: { lr: 1, damping: 0 },
          position: { x: 0, y: 0 },
        },
        {
          id: 't',
          type: 'train',
          params: { maxSteps: steps, epochs: steps },
          position: { x: 0, y: 0 },
        },
      ],
      edges: [
        { id: 'e1', from: { node: 's', port: 'model' }, to: { node: 't', port: 'model' } },
        { id: 'e2', from: { node: 'o', port: 'optimizer' }, to: { node: 't', port: 'optimizer' } },
      ],
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const compiled = compileGraph(parsed.graph, {
    backend: { name: 'cpu', reason: 'test' },
    traceParams: true,
  });
  const events = firstValueFrom(compiled.controller.events$.pipe(toArray()));
  await compiled.controller.start();
  compiled.dispose();
  return (await events)
    .filter((e: RunEvent): e is StepEvent => e.type === 'step')
    .map((e) => e.params!.map(Number));
}

/** PyTorch float64 Newton paths (torch.autograd Hessians), from tests/fixtures/newton-torch.py. */
const TORCH = JSON.parse(readFileSync('tests/fixtures/newton-torch.json', 'utf8')) as {
  surfaces: Record<string, { start: number[]; path: number[][] }>;
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Starts where Newton is well defined for 6 steps (H nonsingular along the path).
const STARTS: Partial<Record<SurfaceName, [number, number]>> = {
  plateau: [0.8, 0.5], // beyond r = √2 the Hessian is indefinite and Newton climbs away
  ackley: [0.3, -0.2],
  rastrigin: [0.2, -0.15],
};

describe('Newton on every analytic surface follows the float64 reference path', () => {
  const STEPS = 6;
  for (const name of SURFACE_NAMES) {
    it(name, async () => {
      const start = STARTS[name] ?? [...SURFACES[name].defaultStart];
      const before = tf.memory().numTensors;
      const app = await newtonPath(name, start, STEPS);
      expect(tf.memory().numTensors).toBe(before);
      const ref = referencePath(name, start, STEPS);
      const stored = referencePath(name, start, STEPS, Math.fround);
      expect(app).toHaveLength(STEPS);
      const worst = deviation(app, ref);
      const storage = deviation(stored, ref);
      console.info(
        `newton ${name}: from the float64 path ${worst.toExponential(2)} ` +
          `(float32 storage of θ alone: ${storage.toExponential(2)}); ` +
          `from the float32-stored path ${deviation(app, stored).toExponential(2)}; ` +
          `from PyTorch's float64 path ${deviation(app, TORCH.surfaces[name]!.path).toExponential(2)}`,
      );
      // The app is the float64 path with θ stored in float32: nothing else differs.
      expect(deviation(app, stored)).toBeLessThan(1e-6);
      expect(worst).toBeLessThan(Math.max(1e-6, 2 * storage));
      // PyTorch's float64 path agrees with the hand-derived one, so the app follows it too.
      const torch = TORCH.surfaces[name]!;
      expect(torch.start).toEqual(start);
      expect(deviation(torch.path, ref)).toBeLessThan(1e-9);
      expect(deviation(app, torch.path)).toBeLessThan(Math.max(1e-6, 2 * storage));
    });
  }
});
