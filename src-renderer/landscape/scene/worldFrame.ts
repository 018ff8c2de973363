/**
 * Where landscape coordinates go in the scene: α → x ∈ [−1, 1], β → z ∈ [1, −1] (so a top view
 * shows β upwards), height in [0, 1] → y ∈ [0, HEIGHT · exaggeration].
 */
export const HEIGHT = 0.9;

export interface WorldFrame {
  readonly alpha: readonly [number, number];
  readonly beta: readonly [number, number];
  readonly exaggeration: number;
  x(alpha: number): number;
  z(beta: number): number;
  y(height01: number): number;
  /** Inverse of x and z. */
  alphaAt(x: number): number;
  betaAt(z: number): number;
}

export function worldFrame(
  alpha: readonly [number, number],
  beta: readonly [number, number],
  exaggeration: number,
): WorldFrame {
  const sa = 2 / (alpha[1] - alpha[0] || 1);
  const sb = 2 / (beta[1] - beta[0] || 1);
  return {
    alpha,
    beta,
    exaggeration,
    x: (a) => -1 + (a - alpha[0]) * sa,
    z: (b) => 1 - (b - beta[0]) * sb,
    y: (h) => h * HEIGHT * exaggeration,
    alphaAt: (x) => alpha[0] + (x + 1) / sa,
    betaAt: (z) => beta[0] + (1 - z) / sb,
  };
}
