/**
 * Where new blocks go: the nearest place to where they were asked for that overlaps no block
 * already on the canvas, searched on the grid in rings of growing distance.
 */
import type { Box } from './align';

/** Space kept free around a block, so neighbours never touch. */
const GAP = 20;
const MAX_RINGS = 60;

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width + GAP &&
  b.x < a.x + a.width + GAP &&
  a.y < b.y + b.height + GAP &&
  b.y < a.y + a.height + GAP;

/** Offsets on a `step` grid, nearest first (by distance, then top before bottom, left before right). */
function* offsets(step: number): Generator<{ x: number; y: number }> {
  yield { x: 0, y: 0 };
  for (let ring = 1; ring <= MAX_RINGS; ring += 1) {
    const cells: { x: number; y: number }[] = [];
    for (let i = -ring; i <= ring; i += 1) {
      for (let j = -ring; j <= ring; j += 1) {
        if (Math.max(Math.abs(i), Math.abs(j)) === ring) cells.push({ x: i * step, y: j * step });
      }
    }
    cells.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || a.y - b.y || a.x - b.x);
    yield* cells;
  }
}

/**
 * The smallest shift of `moving` (one block, or a pasted group kept in its own arrangement)
 * after which none of its boxes overlaps one of `taken`.
 */
export function freeOffset(
  moving: readonly Box[],
  taken: readonly Box[],
  step: number,
): { x: number; y: number } {
  if (taken.length === 0) return { x: 0, y: 0 };
  for (const offset of offsets(step)) {
    const clear = moving.every((box) =>
      taken.every(
        (other) => !overlaps({ ...box, x: box.x + offset.x, y: box.y + offset.y }, other),
      ),
    );
    if (clear) return offset;
  }
  return { x: 0, y: 0 };
}
