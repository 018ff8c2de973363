import { describe, expect, it } from 'vitest';
import { createDataset, loadDigits } from '../../../../src-shared/engine/datasets';
import { decodeBase64 } from '../../../../src-shared/engine/datasets/digits';

describe('dataset.digits', () => {
  it('ships 2 000 8×8 digits, 200 per class, intensities in [0, 1]', () => {
    const { x, y } = loadDigits();
    expect(y.length).toBe(2000);
    expect(x.length).toBe(2000 * 64);
    const counts = new Array(10).fill(0);
    for (const label of y) counts[label]++;
    expect(counts).toEqual(new Array(10).fill(200));
    expect(x.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(x.reduce((a, b) => Math.max(a, b))).toBe(1);
    // Every image has ink.
    for (let i = 0; i < 2000; i++) {
      const img = x.subarray(i * 64, (i + 1) * 64);
      expect(img.reduce((a, b) => a + b, 0)).toBeGreaterThan(2);
    }
  });

  it('splits by valSplit and seed, with image shape [8, 8, 1]', () => {
    const ds = createDataset('dataset.digits', { valSplit: 0.25, seed: 3 });
    expect(ds.task).toBe('classification');
    expect(ds.numFeatures).toBe(64);
    expect(ds.numClasses).toBe(10);
    expect(ds.imageShape).toEqual([8, 8, 1]);
    expect(ds.val.n).toBe(500);
    expect(ds.train.n).toBe(1500);
    expect(createDataset('dataset.digits', { valSplit: 0.25, seed: 3 }).val.y).toEqual(ds.val.y);
    expect(createDataset('dataset.digits', { valSplit: 0.25, seed: 4 }).val.y).not.toEqual(
      ds.val.y,
    );
  });

  it('holds real, learnable digits: nearest class mean scores > 75 % on validation', () => {
    const ds = createDataset('dataset.digits', { seed: 1 });
    const means = Array.from({ length: 10 }, () => new Float64Array(64));
    const counts = new Array(10).fill(0);
    for (let i = 0; i < ds.train.n; i++) {
      const k = ds.train.y[i]!;
      counts[k]++;
      for (let f = 0; f < 64; f++) means[k]![f]! += ds.train.x[i * 64 + f]!;
    }
    for (let k = 0; k < 10; k++) for (let f = 0; f < 64; f++) means[k]![f]! /= counts[k];
    let correct = 0;
    for (let i = 0; i < ds.val.n; i++) {
      let best = -1;
      let bestDist = Number.POSITIVE_INFINITY;
      means.forEach((m, k) => {
        let d = 0;
        for (let f = 0; f < 64; f++) d += (ds.val.x[i * 64 + f]! - m[f]!) ** 2;
        if (d < bestDist) [best, bestDist] = [k, d];
      });
      if (best === ds.val.y[i]) correct++;
    }
    expect(correct / ds.val.n).toBeGreaterThan(0.75);
  });

  it('decodes base64 without platform helpers', () => {
    expect([...decodeBase64('TWFu')]).toEqual([77, 97, 110]);
    expect([...decodeBase64('TWE=')]).toEqual([77, 97]);
    expect([...decodeBase64('/w==')]).toEqual([255]);
    expect(() => decodeBase64('TW*u')).toThrow('invalid base64 character at 2');
  });
});
