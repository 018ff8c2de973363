/**
 * Align and distribute: pure geometry on the selected blocks' boxes. Aligning moves each box
 * onto the shared edge or centre line of the selection; distributing spaces them with equal
 * gaps between the first and the last (which stay put).
 */
import type { Position } from '../graph';

export interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const ALIGN_MODES = [
  'left',
  'center',
  'right',
  'top',
  'middle',
  'bottom',
  'distributeX',
  'distributeY',
] as const;

export type AlignMode = (typeof ALIGN_MODES)[number];

export const ALIGN_LABELS: Record<AlignMode, string> = {
  left: 'Align left edges',
  center: 'Align centres vertically',
  right: 'Align right edges',
  top: 'Align top edges',
  middle: 'Align centres horizontally',
  bottom: 'Align bottom edges',
  distributeX: 'Distribute horizontally',
  distributeY: 'Distribute vertically',
};

/** Equal gaps along one axis; the outermost boxes keep their place. */
function distribute(boxes: readonly Box[], axis: 'x' | 'y'): Record<string, Position> {
  const size = axis === 'x' ? 'width' : 'height';
  const sorted = [...boxes].sort((a, b) => a[axis] - b[axis] || a.id.localeCompare(b.id));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return {};
  const span = last[axis] + last[size] - first[axis];
  const occupied = sorted.reduce((sum, box) => sum + box[size], 0);
  const gap = (span - occupied) / (sorted.length - 1);
  const positions: Record<string, Position> = {};
  let at = first[axis];
  for (const box of sorted) {
    positions[box.id] = axis === 'x' ? { x: at, y: box.y } : { x: box.x, y: at };
    at += box[size] + gap;
  }
  return positions;
}

/**
 * New positions (top-left corners) for `boxes` aligned by `mode`. Needs two boxes to align
 * and three to distribute; fewer give no positions.
 */
export function alignBoxes(boxes: readonly Box[], mode: AlignMode): Record<string, Position> {
  if (mode === 'distributeX' || mode === 'distributeY') {
    return boxes.length < 3 ? {} : distribute(boxes, mode === 'distributeX' ? 'x' : 'y');
  }
  if (boxes.length < 2) return {};
  const left = Math.min(...boxes.map((box) => box.x));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const top = Math.min(...boxes.map((box) => box.y));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  const place: Record<Exclude<AlignMode, 'distributeX' | 'distributeY'>, (box: Box) => Position> = {
    left: (box) => ({ x: left, y: box.y }),
    center: (box) => ({ x: (left + right) / 2 - box.width / 2, y: box.y }),
    right: (box) => ({ x: right - box.width, y: box.y }),
    top: (box) => ({ x: box.x, y: top }),
    middle: (box) => ({ x: box.x, y: (top + bottom) / 2 - box.height / 2 }),
    bottom: (box) => ({ x: box.x, y: bottom - box.height }),
  };
  return Object.fromEntries(boxes.map((box) => [box.id, place[mode](box)]));
}
