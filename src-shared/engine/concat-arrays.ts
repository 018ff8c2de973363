/** Typed arrays end to end in one new array (weight files, a model's parameter list). */

interface Settable extends ArrayLike<number> {
  set(values: ArrayLike<number>, offset: number): void;
}

/** `parts` copied in order into `alloc(total length)`, which may refuse a size by throwing. */
export function concatArrays<T extends Settable>(
  parts: readonly ArrayLike<number>[],
  alloc: (total: number) => T,
): T {
  const out = alloc(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
