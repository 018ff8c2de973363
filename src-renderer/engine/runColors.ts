/**
 * Run colours: the Okabe–Ito palette (distinct for the common colour-vision deficiencies), its
 * black replaced by a light grey for the dark theme. The order keeps a race of six apart in
 * hue and lightness: sky blue, orange, bluish green, reddish purple, yellow, blue. The run
 * store assigns them; charts, legends and the 3D paths all read them there.
 */
export const RUN_COLORS = [
  '#56b4e9',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#f0e442',
  '#0072b2',
  '#d55e00',
  '#bbbbbb',
] as const;

/** The first colour no visible run has; when all are taken, the one used least. */
export function nextRunColor(taken: readonly string[]): string {
  const uses = new Map<string, number>(RUN_COLORS.map((c) => [c, 0]));
  for (const color of taken) if (uses.has(color)) uses.set(color, uses.get(color)! + 1);
  let best: string = RUN_COLORS[0];
  for (const color of RUN_COLORS) if (uses.get(color)! < uses.get(best)!) best = color;
  return best;
}
