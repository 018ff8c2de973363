/**
 * A synthetic landscape for the benchmark and the GPU-memory test: an N×N bumpy bowl and
 * `paths` spiralling paths into its minimum, no engine needed.
 */
import type { SceneData, ScenePath } from './scene/sceneTypes';

const COLORS = ['#6ea8fe', '#ff9f43', '#5fd08a', '#ff6b9a', '#b388ff', '#4dd0e1'];

export function syntheticScene(n: number, paths: number, points = 400): SceneData {
  const xs = Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
  const ys = xs.slice();
  const f = (x: number, y: number) =>
    x * x + 2 * y * y + 0.6 * Math.sin(3 * x) * Math.cos(2 * y) + 1;
  const loss = new Float32Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) loss[j * n + i] = f(xs[i]!, ys[j]!);
  const made: ScenePath[] = Array.from({ length: paths }, (_, r) => {
    const a0 = (2 * Math.PI * r) / paths;
    const steps = Array.from({ length: points }, (_, k) => k);
    const alpha = steps.map((k) => 1.8 * (1 - k / points) * Math.cos(a0 + k / 40));
    const beta = steps.map((k) => 1.8 * (1 - k / points) * Math.sin(a0 + k / 40));
    const l = steps.map((k) => f(alpha[k]!, beta[k]!));
    return {
      run: `run${r}`,
      label: `run ${r}`,
      color: COLORS[r % COLORS.length]!,
      momentum: r % 2 === 0,
      steps,
      alpha,
      beta,
      loss: l,
      trueLoss: l,
      offPlane: steps.map(() => 0),
    };
  });
  return { grid: n, xs, ys, loss, axisNames: ['alpha', 'beta'], paths: made };
}
