/**
 * model.surface: an exact 2D function whose single parameter `point` [2] is (x, y) itself.
 * There is no data: loss(params, null) is f(x, y); lossBatched takes points [G, 2] → [G].
 */
import * as tf from '@tensorflow/tfjs';
import { ParamReader } from '../block-params';
import type { Model, ParamInfo } from '../types';
import { SURFACE_NAMES, SURFACES, surfaceTensor } from './surfaces';

const TYPE = 'model.surface';

export function createSurfaceModel(params: Record<string, unknown>): Model {
  const p = new ParamReader(TYPE, params);
  const fn = p.choice('fn', SURFACE_NAMES, 'rosenbrock');
  const start = p.numbers('start', SURFACES[fn].defaultStart, { min: -1e6, max: 1e6 });
  if (start.length !== 2) p.fail('start', `must be [x, y], got ${start.length} numbers`);
  const paramInfo: ParamInfo[] = [
    { name: 'point', layer: 'surface', role: 'weight', shape: [2], filterAxis: -1 },
  ];
  const pointOf = (params: readonly tf.Tensor[]): tf.Tensor => {
    if (params.length !== 1)
      throw new Error(`${TYPE}: expects one parameter (point), got ${params.length}`);
    return params[0];
  };
  return {
    type: TYPE,
    task: 'surface',
    paramInfo,
    size: 2,
    initialValues: () => [Float32Array.from(start)],
    loss(params) {
      return tf.tidy(() => {
        const point = pointOf(params);
        const [x, y] = tf.split(tf.reshape(point, [2]), 2);
        return tf.reshape(surfaceTensor(fn, x, y), []) as tf.Scalar;
      });
    },
    lossBatched(params) {
      return tf.tidy(() => {
        const points = pointOf(params);
        const [x, y] = tf.split(points, 2, 1);
        return tf.reshape(surfaceTensor(fn, x, y), [-1]) as tf.Tensor1D;
      });
    },
    forward() {
      throw new Error(`${TYPE}: a surface has no forward pass (it has no data)`);
    },
  };
}
