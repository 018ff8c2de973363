/**
 * The one colour table of block kinds (the kinds are the catalog's BLOCK_KINDS). Everything
 * else derives from it: a port type takes the colour of the kind whose blocks output it (the
 * catalog says which), and the stylesheet reads `--kind-*` variables set from this table at
 * startup (`installKindColors`) and `--kind` set per element (`kindStyle`).
 */
import type { CSSProperties } from 'react';
import { type BlockKind, catalog } from '../../src-shared/graph';

const KIND_COLORS: Readonly<Record<BlockKind, string>> = {
  dataset: '#4fc3f7',
  model: '#b388ff',
  optimizer: '#ffb74d',
  schedule: '#f06292',
  train: '#81c784',
  metric: '#fff176',
  view: '#4dd0e1',
};
const UNKNOWN_KIND = '#8b94a5';

/** Port types no block outputs still get a stable colour, by hash. */
const FALLBACK = ['#90a4ae', '#a1887f', '#aed581', '#ff8a65', '#9575cd', '#4db6ac'] as const;

/** The kind whose blocks output each port type. */
const PRODUCER = new Map<string, BlockKind>(
  catalog.flatMap((block) => block.outputs.map((port) => [port.type, block.kind] as const)),
);

export function kindColor(kind: string): string {
  return KIND_COLORS[kind as BlockKind] ?? UNKNOWN_KIND;
}

/** One colour per port type, shared by handles, wires and the legend. */
export function portColor(type: string): string {
  const kind = PRODUCER.get(type);
  if (kind) return KIND_COLORS[kind];
  let hash = 0;
  for (const char of type) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return FALLBACK[hash % FALLBACK.length]!;
}

/** The `--kind-*` custom properties the stylesheet uses, from the table. */
export function kindColorVariables(): [name: string, color: string][] {
  return [
    ...Object.entries(KIND_COLORS).map(([kind, color]): [string, string] => [
      `--kind-${kind}`,
      color,
    ]),
    ['--kind-unknown', UNKNOWN_KIND],
  ];
}

export function installKindColors(style: Pick<CSSStyleDeclaration, 'setProperty'>): void {
  for (const [name, color] of kindColorVariables()) style.setProperty(name, color);
}

/** An element's `--kind` (its accent: header bar, border, label colour). */
export function kindStyle(kind: string): CSSProperties {
  return { '--kind': kindColor(kind) } as CSSProperties;
}
