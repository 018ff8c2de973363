/** CSV export: one row per run, metric and point, names quoted when they need it. */
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, runsToCsv } from '../../../../src-renderer/dashboard/csv';
import type { RunRecord } from '../../../../src-renderer/engine/runStore';

describe('runsToCsv', () => {
  it('writes a header and a row per point, empty cells for missing values', () => {
    const run = {
      name: 'adam, fast "v2"',
      series: {
        loss: { step: [0, 1], epoch: [0, 0.5], time: [0, 0.25], value: [2.5, null] },
        lr: { step: [0], epoch: [0], time: [0], value: [0.001] },
      },
    } as unknown as RunRecord;
    expect(runsToCsv([run]).split('\n')).toEqual([
      CSV_HEADER,
      '"adam, fast ""v2""",loss,0,0,0,2.5',
      '"adam, fast ""v2""",loss,1,0.5,0.25,',
      '"adam, fast ""v2""",lr,0,0,0,0.001',
      '',
    ]);
  });
});
