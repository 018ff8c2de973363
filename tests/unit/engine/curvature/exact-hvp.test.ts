/**
 * Exact Hessian-vector products measured against Hessians written in closed form (float64):
 * the R pass (reverse-over-forward) against central differences and their Richardson
 * extrapolation, the candidates issue 12 names. The R pass must reach 1e-4 relative error.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { denseR, lossR } from '../../../../src-shared/engine/curvature/directional';
import { hessianVectorProduct } from '../../../../src-shared/engine/curvature/hvp';
import {
  hvpMethod,
  modelHvp,
  reverseOverForward,
} from '../../../../src-shared/engine/curvature/model-hvp';
import { createModel } from '../../../../src-shared/engine/models';
import { createRng } from '../../../../src-shared/engine/random';
import type { Model } from '../../../../src-shared/engine/types';
import {
  denseFromHvp,
  logisticHessian,
  matVec,
  type Points,
  relativeError,
  tanhNetHvp,
} from './closed-forms';
import { mlpHessianFd, TINY_MLP } from './tiny-mlp';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const TARGET = 1e-4;

function gaussians(n: number, seed: number, std = 1): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.gaussian(0, std));
}

function splitAs(model: Model, flat: readonly number[]): tf.Tensor[] {
  let offset = 0;
  return model.paramInfo.map((info) => {
    const size = info.shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(flat.slice(offset, offset + size), [...info.shape]);
    offset += size;
    return t;
  });
}

async function flat(tensors: readonly tf.Tensor[]): Promise<number[]> {
  const parts = await Promise.all(tensors.map((t) => t.data()));
  return parts.flatMap((p) => [...p]);
}

/** Richardson extrapolation of central differences: (4·D(ε/2) − D(ε)) / 3, O(ε⁴). */
function richardson(
  loss: (ps: tf.Tensor[]) => tf.Scalar,
  params: tf.Tensor[],
  v: tf.Tensor[],
  eps: number,
) {
  return tf.tidy(() => {
    const coarse = hessianVectorProduct(loss, params, v, eps);
    const fine = hessianVectorProduct(loss, params, v, eps / 2);
    return fine.map((f, i) => tf.div(tf.sub(tf.mul(f, 4), coarse[i]!), 3));
  });
}

function randomPoints(n: number, d: number, k: number, seed: number): Points {
  const rng = createRng(seed);
  return {
    x: Array.from({ length: n }, () => Array.from({ length: d }, () => rng.gaussian())),
    y: Array.from({ length: n }, () => Math.floor(rng.uniform(0, k))),
  };
}

describe('exact Hessian-vector products (R pass) against closed forms', () => {
  it('logistic regression with BCE on logits: H = mean σ(1−σ) x̃x̃ᵀ', async () => {
    const data: Points = {
      x: [
        [0.5, -1.2, 0.3],
        [1.5, 0.3, -0.7],
        [-0.3, 0.2, 1.1],
        [0.9, 1.4, -0.2],
        [-1.1, -0.4, 0.6],
      ],
      y: [1, 0, 1, 1, 0],
    };
    const theta = [0.4, -0.8, 1.3, 0.2];
    const v = [0.7, -0.1, 0.5, -1.2];
    const exact = matVec(logisticHessian(theta, data), v);
    const before = tf.memory().numTensors;
    const x = tf.tensor2d(data.x as number[][]);
    const y = tf.tensor1d(data.y as number[]);
    const params = [tf.tensor2d(theta.slice(0, 3), [3, 1]), tf.tensor1d(theta.slice(3))];
    const dir = [tf.tensor2d(v.slice(0, 3), [3, 1]), tf.tensor1d(v.slice(3))];
    const rOp = reverseOverForward(([w, b]) => {
      const z = tf.add(tf.matMul(x, w as tf.Tensor2D), b!) as tf.Tensor2D;
      return lossR(
        'bceWithLogits',
        z,
        denseR(x, null, w as tf.Tensor2D, dir[0] as tf.Tensor2D, dir[1]!),
        y,
      );
    }, params);
    const bce = (ps: tf.Tensor[]) =>
      tf.tidy(() => {
        const z = tf.reshape(tf.add(tf.matMul(x, ps[0] as tf.Tensor2D), ps[1]!), [-1]);
        return tf.mean(tf.sub(tf.softplus(z), tf.mul(y, z))) as tf.Scalar;
      });
    const fd = hessianVectorProduct(bce, params, dir);
    const errR = relativeError(await flat(rOp), exact);
    const errFd = relativeError(await flat(fd), exact);
    console.info(
      `logistic BCE: R-op ${errR.toExponential(2)}, central FD ${errFd.toExponential(2)}`,
    );
    expect(errR).toBeLessThan(TARGET);
    tf.dispose([...rOp, ...fd, ...params, ...dir, x, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('model.linear with the sigmoid output: the R pass uses BCE on the logit, H = mean σ(1−σ) x̃x̃ᵀ', async () => {
    const data: Points = {
      x: [
        [0.5, -1.2, 0.3],
        [1.5, 0.3, -0.7],
        [-0.3, 0.2, 1.1],
        [0.9, 1.4, -0.2],
      ],
      y: [1, 0, 1, 0],
    };
    const model = createModel(
      'model.linear',
      { output: 'sigmoid' },
      { task: 'classification', numFeatures: 3, numClasses: 2 },
    );
    expect(hvpMethod(model)).toBe('r-operator');
    const theta = [0.4, -0.8, 1.3, 0.2];
    const v = [0.7, -0.1, 0.5, -1.2];
    const exact = matVec(logisticHessian(theta, data), v);
    const before = tf.memory().numTensors;
    const params = splitAs(model, theta);
    const dir = splitAs(model, v);
    const batch = {
      x: tf.tensor2d(data.x as number[][]),
      y: tf.tensor1d(data.y as number[], 'int32'),
    };
    const hv = modelHvp(model, params, batch)(dir);
    expect(relativeError(await flat(hv), exact)).toBeLessThan(TARGET);
    tf.dispose([...hv, ...params, ...dir, batch.x, batch.y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the float64 tanh-net reference agrees with a float64 second-difference Hessian', () => {
    const theta = TINY_MLP.theta();
    const data = { x: TINY_MLP.x, y: TINY_MLP.y };
    const sizes = { d: 2, m: TINY_MLP.hidden, k: 3 };
    const h = denseFromHvp(theta.length, (v) => tanhNetHvp(theta, v, sizes, data));
    const fd = mlpHessianFd(theta);
    expect(relativeError(h.flat(), fd.flat())).toBeLessThan(1e-6);
  });

  it('one-hidden-layer tanh net (model.mlp, softmax CE): every Hessian column within 1e-4', async () => {
    const model = createModel(
      'model.mlp',
      { hidden: [TINY_MLP.hidden], activation: 'tanh' },
      TINY_MLP.data,
    );
    expect(hvpMethod(model)).toBe('r-operator');
    const theta = TINY_MLP.theta();
    const data = { x: TINY_MLP.x, y: TINY_MLP.y };
    const sizes = { d: 2, m: TINY_MLP.hidden, k: 3 };
    const exact = denseFromHvp(theta.length, (v) => tanhNetHvp(theta, v, sizes, data));
    const before = tf.memory().numTensors;
    const params = splitAs(model, theta);
    const batch = { x: tf.tensor2d(TINY_MLP.x), y: tf.tensor1d(TINY_MLP.y, 'int32') };
    const hvp = modelHvp(model, params, batch);
    let worst = 0;
    for (let j = 0; j < theta.length; j++) {
      const unit = splitAs(
        model,
        theta.map((_, i) => (i === j ? 1 : 0)),
      );
      const hv = hvp(unit);
      const column = exact.map((row) => row[j]!);
      if (column.some((c) => c !== 0))
        worst = Math.max(worst, relativeError(await flat(hv), column));
      tf.dispose([...unit, ...hv]);
    }
    console.info(
      `tanh net ${theta.length} params: worst column relative error ${worst.toExponential(2)}`,
    );
    expect(worst).toBeLessThan(TARGET);
    tf.dispose([...params, batch.x, batch.y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a 10k-parameter tanh net: R pass within 1e-4; central and Richardson differences measured', async () => {
    const sizes = { d: 20, m: 400, k: 5 };
    const model = createModel(
      'model.mlp',
      { hidden: [sizes.m], activation: 'tanh' },
      { task: 'classification', numFeatures: sizes.d, numClasses: sizes.k },
    );
    expect(model.size).toBeGreaterThanOrEqual(10_000);
    const data = randomPoints(16, sizes.d, sizes.k, 5);
    const theta = gaussians(model.size, 6, 0.3);
    const v = gaussians(model.size, 7);
    const exact = tanhNetHvp(theta, v, sizes, data);
    const before = tf.memory().numTensors;
    const params = splitAs(model, theta);
    const dir = splitAs(model, v);
    const batch = {
      x: tf.tensor2d(data.x as number[][]),
      y: tf.tensor1d(data.y as number[], 'int32'),
    };
    const loss = (ps: tf.Tensor[]) => model.loss(ps, batch);
    const rOp = modelHvp(model, params, batch)(dir);
    const fd = hessianVectorProduct(loss, params, dir);
    const rich = richardson(loss, params, dir, 1e-2);
    const errs = {
      rOperator: relativeError(await flat(rOp), exact),
      centralFd: relativeError(await flat(fd), exact),
      richardson: relativeError(await flat(rich), exact),
    };
    console.info(`tanh net ${model.size} params: ${JSON.stringify(errs)}`);
    expect(errs.rOperator).toBeLessThan(TARGET);
    // Why the R pass wins: differences of float32 gradients cannot reach the target.
    expect(errs.centralFd).toBeGreaterThan(errs.rOperator);
    expect(errs.richardson).toBeGreaterThan(errs.rOperator);
    tf.dispose([...rOp, ...fd, ...rich, ...params, ...dir, batch.x, batch.y]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('R pass on the other layers (symmetric, agrees with differences)', () => {
  const cases: [string, Model, Points][] = [
    ...(['relu', 'sigmoid', 'gelu'] as const).map((activation): [string, Model, Points] => [
      `mlp ${activation}`,
      createModel(
        'model.mlp',
        { hidden: [6, 6], activation, skip: true },
        { task: 'classification', numFeatures: 3, numClasses: 3 },
      ),
      randomPoints(12, 3, 3, 11),
    ]),
    [
      'mlp regression (MSE)',
      createModel(
        'model.mlp',
        { hidden: [5], activation: 'tanh' },
        { task: 'regression', numFeatures: 3, numClasses: 1 },
      ),
      { ...randomPoints(12, 3, 1, 12), y: gaussians(12, 13) },
    ],
    [
      'cnn',
      createModel(
        'model.cnn',
        { channels: [2, 3], dense: [5] },
        { task: 'classification', numFeatures: 25, numClasses: 3, imageShape: [5, 5, 1] },
      ),
      randomPoints(6, 25, 3, 14),
    ],
  ];
  for (const [name, model, data] of cases) {
    it(name, async () => {
      expect(hvpMethod(model)).toBe('r-operator');
      const before = tf.memory().numTensors;
      const params = splitAs(model, gaussians(model.size, 20, 0.5));
      const u = splitAs(model, gaussians(model.size, 21));
      const w = splitAs(model, gaussians(model.size, 22));
      const classes = model.task === 'classification';
      const batch = {
        x: tf.tensor2d(data.x as number[][]),
        y: tf.tensor1d(data.y as number[], classes ? 'int32' : 'float32'),
      };
      const hvp = modelHvp(model, params, batch);
      const hu = hvp(u);
      const hw = hvp(w);
      const dot = async (a: tf.Tensor[], b: tf.Tensor[]) => {
        const [fa, fb] = [await flat(a), await flat(b)];
        return fa.reduce((s, x, i) => s + x * fb[i]!, 0);
      };
      const uHw = await dot(u, hw);
      const wHu = await dot(w, hu);
      expect(Math.abs(uHw - wHu)).toBeLessThan(1e-4 * Math.max(1, Math.abs(uHw)));
      // Small steps: relu and max-pool kinks make wide differences meaningless.
      const rich = richardson((ps) => model.loss(ps, batch), params, u, 2e-4);
      expect(relativeError(await flat(rich), await flat(hu))).toBeLessThan(2e-2);
      tf.dispose([...params, ...u, ...w, ...hu, ...hw, ...rich, batch.x, batch.y]);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
