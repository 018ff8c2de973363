/** Align and distribute, with positions worked out by hand from the boxes. */
import { describe, expect, it } from 'vitest';
import { alignBoxes, type Box } from '../../../src-shared/editor/align';

// a: x 0..200, y 0..100 · b: x 300..400 (width 100), y 50..110 · c: x 100..150, y 400..440
const boxes: Box[] = [
  { id: 'a', x: 0, y: 0, width: 200, height: 100 },
  { id: 'b', x: 300, y: 50, width: 100, height: 60 },
  { id: 'c', x: 100, y: 400, width: 50, height: 40 },
];

describe('alignBoxes', () => {
  it('aligns left, right and centre on the selection bounds (x 0..400)', () => {
    expect(alignBoxes(boxes, 'left')).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 0, y: 50 },
      c: { x: 0, y: 400 },
    });
    expect(alignBoxes(boxes, 'right')).toEqual({
      a: { x: 200, y: 0 },
      b: { x: 300, y: 50 },
      c: { x: 350, y: 400 },
    });
    // centre line x = 200: a 200-100, b 200-50, c 200-25
    expect(alignBoxes(boxes, 'center')).toEqual({
      a: { x: 100, y: 0 },
      b: { x: 150, y: 50 },
      c: { x: 175, y: 400 },
    });
  });

  it('aligns top, bottom and middle on the selection bounds (y 0..440)', () => {
    expect(alignBoxes(boxes, 'top')).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 300, y: 0 },
      c: { x: 100, y: 0 },
    });
    expect(alignBoxes(boxes, 'bottom')).toEqual({
      a: { x: 0, y: 340 },
      b: { x: 300, y: 380 },
      c: { x: 100, y: 400 },
    });
    // middle line y = 220: a 220-50, b 220-30, c 220-20
    expect(alignBoxes(boxes, 'middle')).toEqual({
      a: { x: 0, y: 170 },
      b: { x: 300, y: 190 },
      c: { x: 100, y: 200 },
    });
  });

  it('distributes with equal gaps, keeping the outermost boxes in place', () => {
    // x order a(0,200) c(100,50) b(300,100): span 0..400 = 400, widths 350, gap 25
    expect(alignBoxes(boxes, 'distributeX')).toEqual({
      a: { x: 0, y: 0 },
      c: { x: 225, y: 400 },
      b: { x: 300, y: 50 },
    });
    // y order a(0,100) b(50,60) c(400,40): span 0..440, heights 200, gap 120
    expect(alignBoxes(boxes, 'distributeY')).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 300, y: 220 },
      c: { x: 100, y: 400 },
    });
  });

  it('needs two boxes to align and three to distribute', () => {
    expect(alignBoxes(boxes.slice(0, 1), 'left')).toEqual({});
    expect(alignBoxes(boxes.slice(0, 2), 'distributeX')).toEqual({});
  });
});
