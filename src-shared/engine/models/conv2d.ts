/**
 * A stride-1 `same` convolution that is fast on every backend and trainable on wasm.
 * Forward: the backend's native tf.conv2d (XNNPACK on wasm). Backward: a custom gradient
 * built from native forward convolutions only, because the wasm backend has no
 * Conv2DBackpropFilter kernel (so tf.conv2d's own gradient cannot run there):
 *  - filter: dW[dy, dx, ci, co] = Σ Xpad[n, y+dy, x+dx, ci]·dY[n, y, x, co], a convolution
 *    of the input (channels and batch swapped, padded as `same` pads it) by dY;
 *  - input: a `same` convolution of dY by the flipped, in/out-swapped kernel (padding mirrored).
 * `conv2dSameOfData` skips the input gradient: the first layer's input is data.
 */
import * as tf from '@tensorflow/tfjs';
import { gradientRecorded } from './tape';

/** Same-padding split of a k-wide kernel as TensorFlow does it: floor((k−1)/2) before. */
function samePadding(k: number): { before: number; after: number } {
  const before = Math.floor((k - 1) / 2);
  return { before, after: k - 1 - before };
}

function forward(image: tf.Tensor4D, kernel: tf.Tensor4D): tf.Tensor4D {
  return tf.conv2d(image, kernel, 1, 'same');
}

function filterGradient(image: tf.Tensor4D, dy: tf.Tensor4D, k: number): tf.Tensor4D {
  const { before, after } = samePadding(k);
  // [cin, H, W, n] ⊛ [H, W, n, cout] (padded by the conv itself, no PadV2) → [cin, k, k, cout].
  const swapped = tf.transpose(image, [3, 1, 2, 0]) as tf.Tensor4D;
  const filter = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
  const pad: [[number, number], [number, number], [number, number], [number, number]] = [
    [0, 0],
    [before, after],
    [before, after],
    [0, 0],
  ];
  return tf.transpose(tf.conv2d(swapped, filter, 1, pad), [1, 2, 0, 3]);
}

/**
 * The kernel flipped in both spatial axes, as a gather of its k·k taps in reverse order
 * (wasm's Reverse kernel cost more than the convolution it feeds: 0.58 ms a step).
 */
function flipped(kernel: tf.Tensor4D): tf.Tensor4D {
  const [kh, kw, cin, cout] = kernel.shape;
  const taps = Int32Array.from({ length: kh * kw }, (_, i) => kh * kw - 1 - i);
  const rows = tf.reshape(kernel, [kh * kw, cin * cout]);
  return tf.reshape(tf.gather(rows, tf.tensor1d(taps, 'int32')), [kh, kw, cin, cout]);
}

function inputGradient(dy: tf.Tensor4D, kernel: tf.Tensor4D): tf.Tensor4D {
  const k = kernel.shape[0];
  const { before, after } = samePadding(k);
  const flippedSwapped = tf.transpose(flipped(kernel), [0, 1, 3, 2]) as tf.Tensor4D;
  return tf.conv2d(dy, flippedSwapped, 1, [
    [0, 0],
    [after, before],
    [after, before],
    [0, 0],
  ]);
}

/** Square kernels only ([k, k, cin, cout]), as model.cnn builds them. */
function checkSquare(kernel: tf.Tensor4D): void {
  if (kernel.shape[0] !== kernel.shape[1]) {
    throw new Error(`conv2dSame: kernel must be square, got ${kernel.shape.join('×')}`);
  }
}

/** Same convolution with gradients for both the image and the kernel. */
export function conv2dSame(image: tf.Tensor4D, kernel: tf.Tensor4D): tf.Tensor4D {
  checkSquare(kernel);
  if (!gradientRecorded()) return forward(image, kernel);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, w, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([x, w]);
    return {
      value: forward(x, w),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw] = saved as tf.Tensor4D[];
        return [
          inputGradient(dy as tf.Tensor4D, sw!),
          filterGradient(sx!, dy as tf.Tensor4D, sw!.shape[0]),
        ];
      },
    };
  });
  return op(image, kernel) as tf.Tensor4D;
}

/**
 * Same convolution of data (no gradient flows to `image`): backward computes only the
 * filter gradient.
 */
export function conv2dSameOfData(image: tf.Tensor4D, kernel: tf.Tensor4D): tf.Tensor4D {
  checkSquare(kernel);
  if (!gradientRecorded()) return forward(image, kernel);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [w, save] = args as [tf.Tensor4D, tf.GradSaveFunc];
    // Saved (kept) rather than captured: the caller's tidy may free `image` before backward.
    save([image]);
    return {
      value: forward(image, w),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        filterGradient(saved[0] as tf.Tensor4D, dy as tf.Tensor4D, kernel.shape[0]),
    };
  });
  return op(kernel) as tf.Tensor4D;
}

/**
 * relu(conv(image, kernel) + bias) in one native kernel (XNNPACK's fused convolution on wasm:
 * two fewer kernels per layer, measured 1.27× faster for the digits CNN's forward). Backward
 * as tfjs would derive it from the three ops: dz = dy·step(z) (step(y) is the same mask, since
 * y = relu(z) > 0 exactly where z > 0), db = Σ dz over batch and pixels, then the
 * convolution's own gradients. `imageIsData`: no gradient for the image (the first layer).
 */
export function conv2dSameBiasRelu(
  image: tf.Tensor4D,
  kernel: tf.Tensor4D,
  bias: tf.Tensor,
  imageIsData = false,
): tf.Tensor4D {
  checkSquare(kernel);
  const k = kernel.shape[0];
  const value = (x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor) =>
    tf.fused.conv2d({ x, filter: w, strides: 1, pad: 'same', bias: b, activation: 'relu' });
  if (!gradientRecorded()) return value(image, kernel, bias);
  if (imageIsData) {
    const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const [w, b, save] = args as [tf.Tensor4D, tf.Tensor, tf.GradSaveFunc];
      const y = value(image, w, b);
      // Saved (kept) rather than captured: the caller's tidy may free `image` before backward.
      save([image, y]);
      return {
        value: y,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const [x, out] = saved as tf.Tensor4D[];
          const dz = tf.mul(dy, tf.step(out!)) as tf.Tensor4D;
          return [filterGradient(x!, dz, k), tf.sum(dz, [0, 1, 2])];
        },
      };
    });
    return op(kernel, bias) as tf.Tensor4D;
  }
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, w, b, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.Tensor, tf.GradSaveFunc];
    const y = value(x, w, b);
    save([x, w, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw, out] = saved as tf.Tensor4D[];
        const dz = tf.mul(dy, tf.step(out!)) as tf.Tensor4D;
        return [inputGradient(dz, sw!), filterGradient(sx!, dz, k), tf.sum(dz, [0, 1, 2])];
      },
    };
  });
  return op(image, kernel, bias) as tf.Tensor4D;
}

/**
 * A stride-1 convolution as patches × kernel (im2col), differentiable by tfjs's own ops on
 * every backend: the reference the custom gradients are tested against, and what imported
 * models with `valid` padding use. Patches: kh·kw shifted slices of the (padded) image,
 * concatenated on the channel axis in (dy, dx, cin) order — the row order of the kernel
 * reshaped to [kh·kw·cin, cout]. `same` pads as TensorFlow does (the odd pixel after).
 */
export function conv2dStride1(
  image: tf.Tensor4D,
  kernel: tf.Tensor4D,
  padding: 'same' | 'valid',
): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, cin] = image.shape;
    const [kh, kw, , cout] = kernel.shape;
    const pad = (k: number): [number, number] =>
      padding === 'same' ? [Math.floor((k - 1) / 2), k - 1 - Math.floor((k - 1) / 2)] : [0, 0];
    const padded = padding === 'same' ? tf.pad(image, [[0, 0], pad(kh), pad(kw), [0, 0]]) : image;
    const [oh, ow] = padding === 'same' ? [h, w] : [h - kh + 1, w - kw + 1];
    const patches: tf.Tensor4D[] = [];
    for (let dy = 0; dy < kh; dy++) {
      for (let dx = 0; dx < kw; dx++)
        patches.push(tf.slice(padded, [0, dy, dx, 0], [n, oh, ow, cin]));
    }
    const columns = tf.reshape(tf.concat(patches, 3), [n * oh * ow, kh * kw * cin]);
    const product = tf.matMul(columns as tf.Tensor2D, tf.reshape(kernel, [kh * kw * cin, cout]));
    return tf.reshape(product, [n, oh, ow, cout]);
  });
}

/** The im2col reference with `same` padding. */
export function conv2dSameIm2col(image: tf.Tensor4D, kernel: tf.Tensor4D): tf.Tensor4D {
  return conv2dStride1(image, kernel, 'same');
}
