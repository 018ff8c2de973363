/**
 * Rows for param-change labels on a chart: each label goes in the first row where it does not
 * overlap the label before it, so `beta1=0.5` and `lr=0.05` at nearby steps stack, not collide.
 */
export function stackLabels(labels: readonly { x: number; width: number }[], gap = 4): number[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.x - labels[b]!.x);
  /** Right end of the last label placed in each row. */
  const ends: number[] = [];
  const rows = new Array<number>(labels.length).fill(0);
  for (const i of order) {
    const { x, width } = labels[i]!;
    let row = ends.findIndex((end) => end + gap <= x);
    if (row === -1) {
      row = ends.length;
      ends.push(0);
    }
    ends[row] = x + width;
    rows[i] = row;
  }
  return rows;
}
