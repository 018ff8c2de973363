/**
 * A tiny tanh MLP with softmax cross-entropy written out in float64 JavaScript, independent of
 * tfjs: the reference the curvature tests check Hessian-vector products against.
 * Layout matches model.mlp: dense1/kernel [2, H], dense1/bias [H], dense2/kernel [H, K], dense2/bias [K].
 */
import { createRng } from '../../../../src-shared/engine/random';

const IN = 2;
const HIDDEN = 3;
const K = 3;

export const TINY_MLP = {
  hidden: HIDDEN,
  data: { task: 'classification' as const, numFeatures: IN, numClasses: K },
  x: [
    [0.5, -1],
    [1.5, 0.3],
    [-0.3, 0.2],
    [0, 1],
    [-1, -0.4],
  ],
  y: [0, 1, 2, 1, 0],
  sizes: [IN * HIDDEN, HIDDEN, HIDDEN * K, K],
  theta(): number[] {
    const rng = createRng(21);
    const n = IN * HIDDEN + HIDDEN + HIDDEN * K + K;
    return Array.from({ length: n }, () => rng.gaussian(0, 0.8));
  },
  split(theta: readonly number[]): Float32Array[] {
    const parts: Float32Array[] = [];
    let offset = 0;
    for (const size of TINY_MLP.sizes) {
      parts.push(Float32Array.from(theta.slice(offset, offset + size)));
      offset += size;
    }
    return parts;
  },
};

export function mlpLoss64(theta: readonly number[]): number {
  const w1 = theta.slice(0, IN * HIDDEN);
  const b1 = theta.slice(IN * HIDDEN, IN * HIDDEN + HIDDEN);
  const w2Start = IN * HIDDEN + HIDDEN;
  const w2 = theta.slice(w2Start, w2Start + HIDDEN * K);
  const b2 = theta.slice(w2Start + HIDDEN * K);
  let total = 0;
  TINY_MLP.x.forEach((x, s) => {
    const h = Array.from({ length: HIDDEN }, (_, j) =>
      Math.tanh(x[0]! * w1[j]! + x[1]! * w1[HIDDEN + j]! + b1[j]!),
    );
    const z = Array.from({ length: K }, (_, c) =>
      h.reduce((a, hj, j) => a + hj * w2[j * K + c]!, b2[c]!),
    );
    const max = Math.max(...z);
    const logSum = max + Math.log(z.reduce((a, zc) => a + Math.exp(zc - max), 0));
    total += logSum - z[TINY_MLP.y[s]!]!;
  });
  return total / TINY_MLP.x.length;
}

/** H_ij = [f(θ+he_i+he_j) − f(θ+he_i−he_j) − f(θ−he_i+he_j) + f(θ−he_i−he_j)] / 4h². */
export function mlpHessianFd(theta: readonly number[], h = 1e-4): number[][] {
  const n = theta.length;
  const f = (di: number, si: number, dj: number, sj: number) => {
    const t = [...theta];
    t[di]! += si * h;
    t[dj]! += sj * h;
    return mlpLoss64(t);
  };
  return Array.from({ length: n }, (_, i) =>
    Array.from(
      { length: n },
      (_, j) => (f(i, 1, j, 1) - f(i, 1, j, -1) - f(i, -1, j, 1) + f(i, -1, j, -1)) / (4 * h * h),
    ),
  );
}

/** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations (float64), ascending. */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  const a = matrix.map((row) => [...row]);
  const n = a.length;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p]![q]!) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
      }
    }
  }
  return a.map((row, i) => row[i]!).sort((x, y) => x - y);
}
