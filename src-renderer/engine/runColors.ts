/** One distinct colour per run of the session, in the order runs appear (readable on dark). */
export const RUN_COLORS = [
  '#6ea8fe',
  '#ff9f43',
  '#5fd08a',
  '#ff6b9a',
  '#b388ff',
  '#4dd0e1',
  '#ffd166',
  '#f4845f',
  '#9ccc65',
  '#e0e0e0',
] as const;

export function runColor(index: number): string {
  return RUN_COLORS[index % RUN_COLORS.length]!;
}
