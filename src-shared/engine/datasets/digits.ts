/**
 * Real handwritten digits shipped with the app: 2 000 MNIST digits reduced to 8×8 (UCI-style),
 * decoded from a bundled module so no host needs file or network access.
 * Provenance and license: resources/datasets/README.md.
 */

import { ParamReader } from '../block-params';
import { createRng } from '../random';
import type { Dataset } from '../types';
import { DIGITS_BASE64, DIGITS_COUNT, DIGITS_LEVELS, DIGITS_SIDE } from './digits-data';
import { splitTrainVal } from './split';

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 without atob/Buffer (neither exists in every host). */
export function decodeBase64(text: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) lookup[BASE64_ALPHABET.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = lookup[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`invalid base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

interface DigitsTable {
  readonly x: Float32Array;
  readonly y: Float32Array;
}

let cached: DigitsTable | null = null;

/** All shipped digits: x is count × 64 intensities in [0, 1], y the labels. Decoded once. */
export function loadDigits(): DigitsTable {
  if (cached) return cached;
  const pixels = DIGITS_SIDE * DIGITS_SIDE;
  const bytes = decodeBase64(DIGITS_BASE64);
  if (bytes.length * 2 !== DIGITS_COUNT * pixels) {
    throw new Error(`digits data is corrupt: ${bytes.length} bytes for ${DIGITS_COUNT} images`);
  }
  const x = new Float32Array(DIGITS_COUNT * pixels);
  for (let k = 0; k < x.length; k++) {
    const byte = bytes[k >> 1]!;
    x[k] = (k & 1 ? byte >> 4 : byte & 0x0f) / DIGITS_LEVELS;
  }
  // The file interleaves classes 0..9.
  const y = new Float32Array(DIGITS_COUNT);
  for (let i = 0; i < DIGITS_COUNT; i++) y[i] = i % 10;
  cached = { x, y };
  return cached;
}

export function createDigits(params: Record<string, unknown>): Dataset {
  const type = 'dataset.digits';
  const p = new ParamReader(type, params);
  const valSplit = p.number('valSplit', { min: 0, below: 1 });
  const seed = p.number('seed');
  const { x, y } = loadDigits();
  const order = createRng(seed).fork('split').permutation(DIGITS_COUNT);
  const { train, val } = splitTrainVal(type, x, y, DIGITS_SIDE * DIGITS_SIDE, valSplit, order);
  return {
    type,
    task: 'classification',
    numFeatures: DIGITS_SIDE * DIGITS_SIDE,
    numClasses: 10,
    imageShape: [DIGITS_SIDE, DIGITS_SIDE, 1],
    train,
    val,
  };
}
