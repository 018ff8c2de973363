/** One line of `npm run bench`: two measurements taken side by side and their ratio. */
export interface BenchRow {
  readonly bench: string;
  readonly a: string;
  readonly b: string;
  readonly ratio: number;
  readonly target: string;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header: [string, string, string, string, string] = [
    'benchmark',
    'measured',
    'against',
    'ratio',
    'target',
  ];
  const cells = rows.map((r) => [r.bench, r.a, r.b, `${r.ratio.toFixed(2)}×`, r.target]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
