/**
 * Whether tfjs is recording ops for a gradient now (inside tf.grad, tf.variableGrads…).
 * The custom-gradient layers check it: outside a recorded pass (landscape points,
 * validation, predictions) the custom gradient's bookkeeping (a scope, kept saved tensors)
 * buys nothing, so they run the bare forward op.
 */
import * as tf from '@tensorflow/tfjs';

export function gradientRecorded(): boolean {
  return tf.engine().isTapeOn();
}
