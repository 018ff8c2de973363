/**
 * Run colours: Tableau 10 (hues chosen to stay apart, also for colour-blind viewers), its blue
 * lightened to read on the dark theme. The order keeps warm hues apart: a race of six gets
 * blue, orange, green, red, purple, pink. The run store assigns them; every view reads them there.
 */
export const RUN_COLORS = [
  '#5b9bd5',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#ff9da7',
  '#edc948',
  '#76b7b2',
  '#9c755f',
  '#bab0ac',
] as const;

/** The first colour no visible run has; when all are taken, the one used least. */
export function nextRunColor(taken: readonly string[]): string {
  const uses = new Map<string, number>(RUN_COLORS.map((c) => [c, 0]));
  for (const color of taken) if (uses.has(color)) uses.set(color, uses.get(color)! + 1);
  let best: string = RUN_COLORS[0];
  for (const color of RUN_COLORS) if (uses.get(color)! < uses.get(best)!) best = color;
  return best;
}
