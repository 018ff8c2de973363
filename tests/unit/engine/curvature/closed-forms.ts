/**
 * Hessians written out by hand in float64, independent of tfjs: the references the exact-HVP
 * tests measure against. Parameter layouts match model.linear / model.mlp
 * (dense kernel [in, out] row-major, then bias).
 */

export interface Points {
  readonly x: readonly (readonly number[])[];
  readonly y: readonly number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Logistic regression with BCE on logits, L = mean softplus(z) − t·z, z = w·x + b:
 * H = (1/n) Σ σ(z)(1 − σ(z)) x̃ x̃ᵀ with x̃ = [x, 1].
 */
export function logisticHessian(theta: readonly number[], data: Points): number[][] {
  const d = theta.length - 1;
  const h = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
  for (const x of data.x) {
    const z = x.reduce((a, xi, i) => a + xi * theta[i]!, theta[d]!);
    const s = sigmoid(z);
    const xt = [...x, 1];
    for (let i = 0; i <= d; i++)
      for (let j = 0; j <= d; j++) h[i]![j]! += (s * (1 - s) * xt[i]! * xt[j]!) / data.x.length;
  }
  return h;
}

export function matVec(m: readonly (readonly number[])[], v: readonly number[]): number[] {
  return m.map((row) => row.reduce((a, mij, j) => a + mij * v[j]!, 0));
}

/**
 * One-hidden-layer tanh net with softmax cross-entropy, layout [W1 (d×m), b1 (m), W2 (m×K),
 * b2 (K)]: H·v by Pearlmutter's R-backprop written out in float64 —
 *   forward  a = W1ᵀx + b1, h = tanh a, z = W2ᵀh + b2, r = softmax(z) − onehot(y)
 *   R pass   Ra = V1ᵀx + c1, Rh = (1 − h²)Ra, Rz = W2ᵀRh + V2ᵀh + c2, Rr = p⊙Rz − p(p·Rz)
 *   backward δh = W2 r, δa = (1 − h²)δh, and their R{·}: RδH = V2 r + W2 Rr,
 *            Rδa = −2h⊙Rh⊙δh + (1 − h²)⊙Rδh; R{∇W2} = Rh rᵀ + h Rrᵀ, R{∇W1} = x Rδaᵀ.
 */
export function tanhNetHvp(
  theta: readonly number[],
  v: readonly number[],
  sizes: { readonly d: number; readonly m: number; readonly k: number },
  data: Points,
): number[] {
  const { d, m, k } = sizes;
  const o1 = d * m;
  const o2 = o1 + m;
  const o3 = o2 + m * k;
  const out = new Array<number>(theta.length).fill(0);
  const n = data.x.length;
  data.x.forEach((x, s) => {
    const a = Array.from({ length: m }, (_, j) =>
      x.reduce((t, xi, i) => t + xi * theta[i * m + j]!, theta[o1 + j]!),
    );
    const ra = Array.from({ length: m }, (_, j) =>
      x.reduce((t, xi, i) => t + xi * v[i * m + j]!, v[o1 + j]!),
    );
    const h = a.map(Math.tanh);
    const slope = h.map((hj) => 1 - hj * hj);
    const rh = ra.map((r, j) => slope[j]! * r);
    const z = Array.from({ length: k }, (_, c) =>
      h.reduce((t, hj, j) => t + hj * theta[o2 + j * k + c]!, theta[o3 + c]!),
    );
    const rz = Array.from({ length: k }, (_, c) =>
      h.reduce(
        (t, hj, j) => t! + rh[j]! * theta[o2 + j * k + c]! + hj * v[o2 + j * k + c]!,
        v[o3 + c]!,
      ),
    );
    const max = Math.max(...z);
    const e = z.map((zc) => Math.exp(zc - max));
    const sum = e.reduce((t, x2) => t + x2, 0);
    const p = e.map((x2) => x2 / sum);
    const r = p.map((pc, c) => pc - (c === data.y[s] ? 1 : 0));
    const pRz = p.reduce((t, pc, c) => t + pc * rz[c]!, 0);
    const rr = p.map((pc, c) => pc * rz[c]! - pc * pRz);
    const dh = Array.from({ length: m }, (_, j) =>
      r.reduce((t, rc, c) => t + theta[o2 + j * k + c]! * rc, 0),
    );
    const rdh = Array.from({ length: m }, (_, j) =>
      r.reduce((t, rc, c) => t + v[o2 + j * k + c]! * rc + theta[o2 + j * k + c]! * rr[c]!, 0),
    );
    const rda = h.map((hj, j) => -2 * hj * rh[j]! * dh[j]! + slope[j]! * rdh[j]!);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < m; j++) out[i * m + j]! += (x[i]! * rda[j]!) / n;
    for (let j = 0; j < m; j++) out[o1 + j]! += rda[j]! / n;
    for (let j = 0; j < m; j++)
      for (let c = 0; c < k; c++) out[o2 + j * k + c]! += (rh[j]! * r[c]! + h[j]! * rr[c]!) / n;
    for (let c = 0; c < k; c++) out[o3 + c]! += rr[c]! / n;
  });
  return out;
}

/** The dense Hessian from an exact Hv, one unit vector per column. */
export function denseFromHvp(n: number, hvp: (v: number[]) => number[]): number[][] {
  const columns = Array.from({ length: n }, (_, j) =>
    hvp(Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))),
  );
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => columns[j]![i]!));
}

export function relativeError(estimate: ArrayLike<number>, exact: ArrayLike<number>): number {
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < exact.length; i++) {
    diff += (estimate[i]! - exact[i]!) ** 2;
    norm += exact[i]! ** 2;
  }
  return Math.sqrt(diff / norm);
}
