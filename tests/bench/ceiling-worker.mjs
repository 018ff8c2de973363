// One thread of machine-ceiling.ts: tfjs on wasm, the gradient of a small MLP's loss (the
// kind of work a trial does: many small kernels), repeated on request. No engine, no pool.
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

await tf.setBackend('wasm');
const x = tf.randomNormal([32, 2], 0, 1, 'float32', 1);
const w1 = tf.randomNormal([2, 32], 0, 0.5, 'float32', 2);
const w2 = tf.randomNormal([32, 32], 0, 0.2, 'float32', 3);
const w3 = tf.randomNormal([32, 2], 0, 0.2, 'float32', 4);
const loss = (a, b, c) =>
  tf.sum(tf.square(tf.matMul(tf.relu(tf.matMul(tf.relu(tf.matMul(x, a)), b)), c)));
const gradients = tf.grads(loss);

parentPort.on('message', (reps) => {
  let checksum = 0;
  for (let r = 0; r < reps; r++) {
    const grads = gradients([w1, w2, w3]);
    checksum += grads[0].dataSync()[0];
    tf.dispose(grads);
  }
  parentPort.postMessage(checksum);
});
parentPort.postMessage('ready');
