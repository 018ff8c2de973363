/**
 * Seeded pseudo-random numbers for everything that must be reproducible (data generation,
 * splits, shuffles, weight init, random directions): same seed, same stream, on every host.
 * Generator: mulberry32 (32-bit state, fast, good enough for ML sampling; not cryptographic).
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Normal with the given mean and standard deviation (Box–Muller). */
  gaussian(mean?: number, std?: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T extends { [i: number]: unknown; length: number }>(array: T): T;
  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array;
  /** An independent generator derived from this one's seed and a label (stable across calls). */
  fork(label: string): Rng;
}

/** Maps any finite number to a 32-bit unsigned seed (non-integers keep their fraction's bits). */
export function toSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  if (Number.isInteger(seed) && Math.abs(seed) < 2 ** 53) {
    // Seeds in [0, 2^32) map to themselves; the high part (negative or huge seeds) is mixed in.
    return ((seed >>> 0) ^ mix32(Math.floor(seed / 2 ** 32))) >>> 0;
  }
  const f = new Float64Array([seed]);
  const u = new Uint32Array(f.buffer);
  return (u[0]! ^ u[1]!) >>> 0;
}

/** MurmurHash3's finalizer: scrambles all 32 bits, and maps 0 to 0. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit string hash (FNV-1a), used to derive labelled sub-streams. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const seed32 = toSeed(seed);
  let state = seed32;
  let spare: number | null = null;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const standardNormal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    // 1 - next() lies in (0, 1], so the log is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };

  const int = (n: number): number => Math.floor(next() * n);

  const rng: Rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    gaussian: (mean = 0, std = 1) => mean + std * standardNormal(),
    int,
    shuffle(array) {
      for (let i = array.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = array[i];
        array[i] = array[j];
        array[j] = tmp;
      }
      return array;
    },
    permutation(n) {
      const p = new Int32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      return rng.shuffle(p);
    },
    fork: (label) => createRng((seed32 ^ hashLabel(label)) >>> 0),
  };
  return rng;
}
