import { describe, expect, it } from 'vitest';
import {
  filterNorms,
  normalizeDirection,
  orthogonalizeTo,
  randomPlane,
} from '../../../../src-shared/engine/landscape/directions';
import {
  flattenParams,
  unflattenParams,
} from '../../../../src-shared/engine/landscape/flat-params';
import { dot } from '../../../../src-shared/engine/linalg/vector-math';
import { createModel } from '../../../../src-shared/engine/models';
import { createRng } from '../../../../src-shared/engine/random';

const model = createModel(
  'model.mlp',
  { hidden: [5, 4], seed: 3 },
  { task: 'classification', numFeatures: 3, numClasses: 2 },
);
const info = model.paramInfo;
// Random non-zero biases so that "bias directions are zero" is not trivially true.
const weights = (() => {
  const rng = createRng(9);
  return flattenParams(
    model.initialValues().map((v) => v.map((x) => x + rng.gaussian(0, 0.3))),
    info,
  );
})();

describe('filterNorms', () => {
  it('takes the norm of each slice along the filter axis', () => {
    // shape [2, 3], axis 1: filters are the columns (1,4), (2,5), (3,6).
    const v = Float32Array.of(1, 2, 3, 4, 5, 6);
    const norms = filterNorms(v, [2, 3], 1);
    expect(norms[0]).toBeCloseTo(Math.sqrt(1 + 16), 6);
    expect(norms[1]).toBeCloseTo(Math.sqrt(4 + 25), 6);
    expect(norms[2]).toBeCloseTo(Math.sqrt(9 + 36), 6);
    // axis 0: rows.
    expect(filterNorms(v, [2, 3], 0)[1]).toBeCloseTo(Math.sqrt(16 + 25 + 36), 6);
    expect(filterNorms(v, [2, 3], -1)[0]).toBeCloseTo(Math.sqrt(91), 6);
  });
});

describe('randomPlane', () => {
  it('filter normalization: every filter has exactly the norm of the weights filter', () => {
    const { delta, eta } = randomPlane(weights, info, {
      norm: 'filter',
      ignoreBiasBN: true,
      seed: 1,
    });
    for (const dir of [delta, eta]) {
      const ds = unflattenParams(dir, info);
      const ws = unflattenParams(weights, info);
      info.forEach((p, k) => {
        if (p.role !== 'weight') return;
        const dn = filterNorms(ds[k]!, p.shape, p.filterAxis);
        const wn = filterNorms(ws[k]!, p.shape, p.filterAxis);
        expect(dn.length).toBe(p.shape[p.filterAxis]);
        for (let f = 0; f < dn.length; f++) expect(dn[f]).toBeCloseTo(wn[f]!, 5);
      });
    }
  });

  it('zeroes bias directions when ignoreBiasBN is on, keeps them otherwise', () => {
    const off = randomPlane(weights, info, { norm: 'filter', ignoreBiasBN: true, seed: 1 });
    const on = randomPlane(weights, info, { norm: 'filter', ignoreBiasBN: false, seed: 1 });
    const ws = unflattenParams(weights, info);
    info.forEach((p, k) => {
      if (p.role !== 'bias') return;
      expect(unflattenParams(off.delta, info)[k]!.every((v) => v === 0)).toBe(true);
      expect(unflattenParams(off.eta, info)[k]!.every((v) => v === 0)).toBe(true);
      // Kept: the whole bias vector is rescaled to the bias's norm.
      const kept = unflattenParams(on.delta, info)[k]!;
      expect(Math.sqrt(dot(kept, kept))).toBeCloseTo(Math.sqrt(dot(ws[k]!, ws[k]!)), 5);
    });
  });

  it('layer normalization matches each tensor norm; none leaves Gaussian scale', () => {
    const { delta } = randomPlane(weights, info, { norm: 'layer', ignoreBiasBN: true, seed: 2 });
    const ds = unflattenParams(delta, info);
    const ws = unflattenParams(weights, info);
    info.forEach((p, k) => {
      if (p.role === 'weight')
        expect(Math.sqrt(dot(ds[k]!, ds[k]!))).toBeCloseTo(Math.sqrt(dot(ws[k]!, ws[k]!)), 5);
    });
    const raw = randomPlane(weights, info, { norm: 'none', ignoreBiasBN: false, seed: 2 }).delta;
    // Mean square of a standard normal sample of this size is near 1.
    expect(dot(raw, raw) / raw.length).toBeGreaterThan(0.5);
    expect(dot(raw, raw) / raw.length).toBeLessThan(1.6);
  });

  it('is reproducible by seed and different across seeds', () => {
    const a = randomPlane(weights, info, { norm: 'filter', ignoreBiasBN: true, seed: 5 });
    const b = randomPlane(weights, info, { norm: 'filter', ignoreBiasBN: true, seed: 5 });
    const c = randomPlane(weights, info, { norm: 'filter', ignoreBiasBN: true, seed: 6 });
    expect(Array.from(a.delta)).toEqual(Array.from(b.delta));
    expect(Array.from(a.eta)).toEqual(Array.from(b.eta));
    expect(Array.from(a.delta)).not.toEqual(Array.from(c.delta));
    expect(Array.from(a.delta)).not.toEqual(Array.from(a.eta));
  });

  it('orthogonalizes the second direction on request', () => {
    const { delta, eta } = randomPlane(weights, info, {
      norm: 'filter',
      ignoreBiasBN: true,
      seed: 1,
      orthogonalize: true,
    });
    expect(
      Math.abs(dot(delta, eta)) / (Math.sqrt(dot(delta, delta)) * Math.sqrt(dot(eta, eta))),
    ).toBeLessThan(1e-6);
    const e = orthogonalizeTo(Float32Array.of(1, 1), Float32Array.of(2, 0));
    expect(Array.from(e)).toEqual([0, 1]);
  });

  it('normalizeDirection rejects a direction of the wrong size', () => {
    expect(() =>
      normalizeDirection(new Float32Array(3), weights, info, {
        norm: 'filter',
        ignoreBiasBN: true,
      }),
    ).toThrow(/direction: expected \d+ flattened values, got 3/);
  });
});
