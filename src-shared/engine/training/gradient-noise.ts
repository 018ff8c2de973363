/**
 * Stochastic gradients on demand: g + σ·ε with ε ~ N(0, I), drawn from the run's seeded
 * stream in JS so every backend sees the same noise. On an analytic surface this shows what
 * minibatches do to a path (the lecture's B ≪ N) without a dataset.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random';

export class GradientNoise {
  constructor(
    private readonly sigma: number,
    private readonly rng: Rng,
  ) {}

  /** Noisy copies of `grads`; the inputs are disposed. */
  perturb(grads: readonly tf.Tensor[]): tf.Tensor[] {
    return grads.map((g) => {
      const noise = Float32Array.from({ length: g.size }, () => this.rng.gaussian(0, this.sigma));
      const noisy = tf.tidy(() => tf.add(g, tf.tensor(noise, g.shape)));
      g.dispose();
      return noisy;
    });
  }
}
