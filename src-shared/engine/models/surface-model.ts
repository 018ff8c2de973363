/**
 * model.surface: an exact 2D function whose single parameter `point` [2] is (x, y) itself.
 * There is no data: loss(params, null) is f(x, y); lossBatched takes points [G, 2] → [G].
 * The loss, its gradient and its Hessian come from the formula in float64 (jets), not from
 * float32 tfjs ops, so gradient descent and Newton's method follow the exact path up to the
 * float32 storage of the point.
 */
import * as tf from '@tensorflow/tfjs';
import { ParamReader } from '../block-params';
import type { Model, ParamInfo } from '../types';
import { SURFACE_NAMES, SURFACES, surfaceDerivatives, surfaceTensor } from './surfaces';

const TYPE = 'model.surface';

export function createSurfaceModel(params: Record<string, unknown>): Model {
  const p = new ParamReader(TYPE, params);
  const fn = p.choice('fn', SURFACE_NAMES);
  // Not given: the function's own start, not the catalog's (which is Rosenbrock's).
  const start = p.has('start')
    ? p.numbers('start', { min: -1e6, max: 1e6 })
    : [...SURFACES[fn].defaultStart];
  if (start.length !== 2) p.fail('start', `must be [x, y], got ${start.length} numbers`);
  const paramInfo: ParamInfo[] = [
    { name: 'point', layer: 'surface', role: 'weight', shape: [2], filterAxis: -1 },
  ];
  const pointOf = (params: readonly tf.Tensor[]): tf.Tensor => {
    if (params.length !== 1)
      throw new Error(`${TYPE}: expects one parameter (point), got ${params.length}`);
    return params[0]!;
  };
  const derivativesAt = (point: tf.Tensor) => {
    const [x, y] = point.dataSync();
    return surfaceDerivatives(fn, x!, y!);
  };
  // f(x, y) with its float64 gradient: tf.grads of the loss reads ∇f, not float32 ops.
  const exactLoss = tf.customGrad((point, save) => {
    const d = derivativesAt(point as tf.Tensor);
    (save as (tensors: tf.Tensor[]) => void)([tf.tensor1d(d.gradient as [number, number])]);
    return {
      value: tf.scalar(d.value),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) =>
        tf.mul(dy as tf.Tensor, tf.reshape(saved[0]!, (point as tf.Tensor).shape)),
    };
  });
  return {
    type: TYPE,
    task: 'surface',
    paramInfo,
    size: 2,
    lossReadsParams: true,
    initialValues: () => [Float32Array.from(start)],
    loss(params) {
      return exactLoss(pointOf(params)) as tf.Scalar;
    },
    exactDerivatives(params) {
      const d = derivativesAt(pointOf(params));
      const [hxx, hxy, hyy] = d.hessian;
      return {
        gradient: Float64Array.from(d.gradient),
        hessian: Float64Array.of(hxx, hxy, hxy, hyy),
      };
    },
    hvp(params, _batch, v) {
      const [hxx, hxy, hyy] = derivativesAt(pointOf(params)).hessian;
      // H·v on the device: v is never read back (WebGPU reads asynchronously).
      const direction = v[0]!;
      return [
        tf.tidy(() =>
          tf.reshape(
            tf.matMul(tf.tensor2d([hxx, hxy, hxy, hyy], [2, 2]), tf.reshape(direction, [2, 1])),
            direction.shape,
          ),
        ),
      ];
    },
    lossBatched(params) {
      return tf.tidy(() => {
        const points = pointOf(params);
        const [x, y] = tf.split(points, 2, 1);
        return tf.reshape(surfaceTensor(fn, x!, y!), [-1]) as tf.Tensor1D;
      });
    },
    forward() {
      throw new Error(`${TYPE}: a surface has no forward pass (it has no data)`);
    },
  };
}
