/** The accent colour of each block kind (the CSS uses the same values as --kind-*). */
const KIND_COLORS: Record<string, string> = {
  dataset: '#4fc3f7',
  model: '#b388ff',
  optimizer: '#ffb74d',
  schedule: '#f06292',
  train: '#81c784',
  metric: '#fff176',
  view: '#4dd0e1',
};

export function kindColor(kind: string): string {
  return KIND_COLORS[kind] ?? '#8b94a5';
}
