/** `atlas landscape --workers N`: row tiles on worker processes give the one-worker surface. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { rowTiles } from '../../../src-shared/engine/landscape/tiles';
import { memoryIo } from './memoryIo';

const dir = mkdtempSync(join(tmpdir(), 'atlas-tiles-'));

async function surface(workers: number | null, name: string) {
  const out = join(dir, `${name}.json`);
  const io = memoryIo();
  const args = [
    'landscape',
    'resources/examples/quickstart.json',
    '--out',
    out,
    '--grid',
    '15',
    '--steps',
    '30',
  ];
  if (workers !== null) args.push('--workers', String(workers));
  const code = await runCli(args, io);
  expect(code, io.err()).toBe(0);
  return { result: JSON.parse(readFileSync(out, 'utf8')), err: io.err() };
}

describe('landscape row tiles', () => {
  it('cut the rows into contiguous, covering tiles', () => {
    expect(rowTiles(10, 3)).toEqual([
      { row0: 0, rows: 3 },
      { row0: 3, rows: 3 },
      { row0: 6, rows: 4 },
    ]);
    expect(rowTiles(2, 8)).toEqual([
      { row0: 0, rows: 1 },
      { row0: 1, rows: 1 },
    ]);
  });

  // Two landscapes of a real MLP on the wasm backend: minutes on a loaded 2-core machine.
  it('2 worker processes give the surface of one (max difference ≤ 1e-6), accuracy too', {
    timeout: 300_000,
  }, async () => {
    const one = await surface(null, 'one');
    const two = await surface(2, 'two');
    expect(two.err).toContain('surface by row tiles on 2 worker process(es)');
    const a = one.result;
    const b = two.result;
    expect(b.loss).toHaveLength(15 * 15);
    expect(b.axes).toEqual(a.axes);
    const maxDiff = (x: number[], y: number[]) => Math.max(...x.map((v, i) => Math.abs(v - y[i]!)));
    expect(maxDiff(a.loss, b.loss)).toBeLessThanOrEqual(1e-6);
    expect(maxDiff(a.accuracy, b.accuracy)).toBeLessThanOrEqual(1e-6);
    // Not a flat surface: the comparison means something.
    expect(Math.max(...a.loss) - Math.min(...a.loss)).toBeGreaterThan(0.01);
    expect(b.paths).toEqual(a.paths);
  });
});
