/** Param-change labels that would overlap go to the next row. */
import { describe, expect, it } from 'vitest';
import { stackLabels } from '../../../../src-renderer/dashboard/markLayout';

describe('stackLabels', () => {
  it('stacks overlapping labels and reuses a row once it is clear', () => {
    // beta1=0.5 at 100 (60 wide) and lr=0.05 at 110 collide; one at 200 fits row 0 again.
    const rows = stackLabels([
      { x: 100, width: 60 },
      { x: 110, width: 50 },
      { x: 200, width: 40 },
      { x: 120, width: 30 },
    ]);
    expect(rows).toEqual([0, 1, 0, 2]);
  });

  it('keeps labels apart by the gap, in x order whatever the input order', () => {
    expect(
      stackLabels([
        { x: 64, width: 10 },
        { x: 0, width: 60 },
      ]),
    ).toEqual([0, 0]);
    expect(
      stackLabels([
        { x: 63, width: 10 },
        { x: 0, width: 60 },
      ]),
    ).toEqual([1, 0]);
  });
});
