import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, SURFACES, surfaceValue } from '../../../../src-shared/engine/models';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model.surface', () => {
  it('has one parameter, the point (x, y), starting at `start`', () => {
    const model = createModel('model.surface', { fn: 'beale', start: [0.5, -1] }, null);
    expect(model.task).toBe('surface');
    expect(model.size).toBe(2);
    expect(model.paramInfo).toEqual([
      { name: 'point', layer: 'surface', role: 'weight', shape: [2], filterAxis: -1 },
    ]);
    expect([...model.initialValues()[0]!]).toEqual([0.5, -1]);
    const fallback = createModel('model.surface', { fn: 'rosenbrock' }, null);
    expect([...fallback.initialValues()[0]!]).toEqual([
      Math.fround(SURFACES.rosenbrock.defaultStart[0]),
      SURFACES.rosenbrock.defaultStart[1],
    ]);
  });

  it('loss is f(x, y); lossBatched gives f for G points; both leak nothing', () => {
    const model = createModel('model.surface', { fn: 'rosenbrock' }, null);
    const before = tf.memory().numTensors;
    const point = tf.tensor1d([-1.2, 1]);
    const loss = model.loss([point], null);
    expect(loss.shape).toEqual([]);
    expect(loss.dataSync()[0]).toBeCloseTo(24.2, 4);
    const points = tf.tensor2d([
      [1, 1],
      [0, 0],
      [-1.2, 1],
    ]);
    const batched = model.lossBatched!([points], null);
    expect(batched.shape).toEqual([3]);
    const values = batched.dataSync();
    expect(values[0]).toBe(0);
    expect(values[1]).toBe(1);
    expect(values[2]).toBeCloseTo(surfaceValue('rosenbrock', -1.2, 1), 4);
    tf.dispose([point, loss, points, batched]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('differentiates: ∇ of the quadratic at (1, 2) is (1, 20)', () => {
    const model = createModel('model.surface', { fn: 'quadratic' }, null);
    const before = tf.memory().numTensors;
    const grad = tf.tidy(() =>
      tf
        .grad((p: tf.Tensor) => model.loss([p], null))(tf.tensor1d([1, 2]))
        .dataSync(),
    );
    expect([...grad]).toEqual([1, 20]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a forward pass, unknown functions and malformed starts', () => {
    const model = createModel('model.surface', { fn: 'saddle' }, null);
    expect(() => model.forward([], tf.zeros([1, 2]))).toThrow(
      'model.surface: a surface has no forward pass',
    );
    expect(() => createModel('model.surface', { fn: 'sphere' }, null)).toThrow(
      "model.surface: fn must be one of 'quadratic', 'rosenbrock', 'beale', 'himmelblau', 'saddle', 'rastrigin', 'booth', 'matyas', 'sixHumpCamel', 'monkeySaddle', 'ackley', 'ravine', 'plateau', got 'sphere'",
    );
    expect(() => createModel('model.surface', { start: [1, 2, 3] }, null)).toThrow(
      'model.surface: start must be [x, y], got 3 numbers',
    );
    expect(() => createModel('model.surface', { start: [1, 'a'] }, null)).toThrow(
      "model.surface: start[1] must be a finite number, got 'a'",
    );
  });
});
