/** Framing: the bounding sphere of what is drawn fits the viewport; depth planes hug it. */
import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  boundingSphere,
  depthRange,
  FIT_FILL,
  fitCamera,
  fitDistance,
  lowCorner,
} from '../../../../src-renderer/landscape/scene/cameraFit';

type V = [number, number, number];
const box = (lo: V, hi: V): V[] => {
  const out: V[] = [];
  for (const x of [lo[0], hi[0]])
    for (const y of [lo[1], hi[1]]) for (const z of [lo[2], hi[2]]) out.push([x, y, z]);
  return out;
};

/** Projects points with a real three.js camera placed by the fit; returns NDC extents. */
function projected(points: V[], fov: number, aspect: number, direction: V) {
  const fit = fitCamera(points, direction, fov, aspect);
  const camera = new PerspectiveCamera(fov, aspect, fit.near, fit.far);
  camera.position.set(...fit.position);
  camera.lookAt(...fit.target);
  camera.updateMatrixWorld();
  camera.updateProjectionMatrix();
  const ndc = points.map((p) => new Vector3(...p).project(camera));
  return {
    x: Math.max(...ndc.map((v) => Math.abs(v.x))),
    y: Math.max(...ndc.map((v) => Math.abs(v.y))),
    z: ndc.map((v) => v.z),
  };
}

describe('camera fit', () => {
  it('bounds a box by the sphere around its centre, skipping non-finite points', () => {
    const s = boundingSphere([...box([-1, 0, -1], [1, 0.9, 1]), [Number.NaN, 5, 0]]);
    expect(s.center).toEqual([0, 0.45, 0]);
    expect(s.radius).toBeCloseTo(Math.sqrt(1 + 0.45 ** 2 + 1), 12);
  });

  it('puts the sphere just inside the narrower half-angle', () => {
    const sphere = { center: [0, 0, 0] as const, radius: 1 };
    // Wide view: the vertical half-angle (19°) limits; tall view: the horizontal one.
    expect(fitDistance(sphere, 38, 2, 1)).toBeCloseTo(1 / Math.sin((19 * Math.PI) / 180), 12);
    const h = Math.atan(Math.tan((19 * Math.PI) / 180) * 0.5);
    expect(fitDistance(sphere, 38, 0.5, 1)).toBeCloseTo(1 / Math.sin(h), 12);
  });

  it('frames the surface box from the iso, top and side directions at any aspect', () => {
    const points = box([-1, -0.02, -1], [1, 0.9, 1]);
    for (const aspect of [0.6, 1, 16 / 9, 3]) {
      for (const dir of [
        [1.75, 1.3, 1.95],
        [0, 1, 1e-4],
        [0, 0.25, 1],
      ] as V[]) {
        const e = projected(points, 38, aspect, dir);
        // Inside the frame (FIT_FILL of it), and reaching that along one axis: nothing wasted.
        expect(e.x).toBeLessThan(FIT_FILL + 1e-6);
        expect(e.y).toBeLessThan(FIT_FILL + 1e-6);
        expect(Math.max(e.x, e.y)).toBeGreaterThan(FIT_FILL - 0.01);
        // Every point lies between the near and far planes.
        for (const z of e.z) expect(Math.abs(z)).toBeLessThan(1);
      }
    }
  });

  it('keeps the depth range tight around the sphere (depth precision)', () => {
    const sphere = { center: [0, 0, 0] as const, radius: 1.5 };
    const { near, far } = depthRange(sphere, 5);
    expect(near).toBeCloseTo(5 - 1.8, 12);
    expect(far).toBeCloseTo(5 + 1.8, 12);
    // Inside the sphere the near plane stays positive.
    expect(depthRange(sphere, 0.5).near).toBeGreaterThan(0);
  });
});

describe('iso corner', () => {
  it('looks from the lowest quadrant of the height grid', () => {
    const n = 5;
    // High everywhere but the quadrant of large i (x > 0) and small j (z > 0).
    const heights = Array.from({ length: n * n }, (_, k) => {
      const i = k % n;
      const j = Math.floor(k / n);
      return i > 2 && j < 2 ? 0.1 : 0.9;
    });
    expect(lowCorner(heights, n)).toEqual([1, 1]);
    const flipped = heights.map(
      (_, k) => heights[(n - 1 - Math.floor(k / n)) * n + (n - 1 - (k % n))]!,
    );
    expect(lowCorner(flipped, n)).toEqual([-1, -1]);
    expect(lowCorner(new Array(n * n).fill(0.5), n)).toEqual([1, 1]);
  });
});
