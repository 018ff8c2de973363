import { describe, expect, it } from 'vitest';
import { createRng, toSeed } from '../../../src-shared/engine/random';

const take = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs across seeds', () => {
    expect(take(42, 20)).toEqual(take(42, 20));
    expect(take(42, 20)).not.toEqual(take(43, 20));
    expect(take(0, 5)).not.toEqual(take(2 ** 32, 5));
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const xs = take(7, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    // Standard error of the mean: sqrt(1/12 / 20000) ≈ 0.002.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.005);
  });

  it('draws standard normals (Box–Muller) with mean 0, std 1 and the right tail mass', () => {
    const rng = createRng(3);
    const zs = Array.from({ length: 20_000 }, () => rng.gaussian());
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const std = Math.sqrt(zs.reduce((a, b) => a + (b - mean) ** 2, 0) / zs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(std - 1)).toBeLessThan(0.03);
    // P(|z| > 1.96) = 0.05.
    const tail = zs.filter((z) => Math.abs(z) > 1.96).length / zs.length;
    expect(Math.abs(tail - 0.05)).toBeLessThan(0.008);
    const shifted = createRng(3);
    expect(shifted.gaussian(5, 2)).toBeCloseTo(5 + 2 * zs[0]!, 12);
  });

  it('gives integers in [0, n) covering every value', () => {
    const rng = createRng(11);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[rng.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });

  it('shuffles into a permutation, and permutation(n) holds each index once', () => {
    const rng = createRng(5);
    const arr = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rng.shuffle([...arr]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(arr);
    expect(shuffled).not.toEqual(arr);
    const p = createRng(5).permutation(1000);
    expect(new Set(p).size).toBe(1000);
    expect(Math.min(...p)).toBe(0);
    expect(Math.max(...p)).toBe(999);
  });

  it('forks labelled streams that are stable and independent of the parent position', () => {
    const a = createRng(9);
    const b = createRng(9);
    b.next();
    b.next();
    expect(a.fork('split').next()).toBe(b.fork('split').next());
    expect(a.fork('split').next()).not.toBe(a.fork('init').next());
  });

  it('maps seeds to 32 bits and refuses non-finite seeds', () => {
    expect(toSeed(5)).toBe(5);
    expect(toSeed(2 ** 32 - 1)).toBe(2 ** 32 - 1);
    expect(new Set([-2, -1, 0, 1, 2 ** 32, 2 ** 32 + 1].map(toSeed)).size).toBe(6);
    expect(toSeed(0.5)).not.toBe(toSeed(0.25));
    expect(() => toSeed(Number.NaN)).toThrow('seed must be a finite number, got NaN');
  });
});
