/**
 * One colour per port type, shared by handles, wires and the legend, so a person can see at a
 * glance which ports fit together. Types the table does not know get a stable colour by hash.
 */
const KNOWN: Record<string, string> = {
  dataset: '#4fc3f7',
  model: '#b388ff',
  optimizer: '#ffb74d',
  schedule: '#f06292',
  lr: '#f06292',
  run: '#81c784',
  metric: '#fff176',
  scalar: '#fff176',
  series: '#fff176',
  landscape: '#4dd0e1',
};

const FALLBACK = ['#90a4ae', '#a1887f', '#aed581', '#ff8a65', '#9575cd', '#4db6ac'];

export function portColor(type: string): string {
  const known = KNOWN[type];
  if (known) return known;
  let hash = 0;
  for (const char of type) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return FALLBACK[hash % FALLBACK.length];
}
