/**
 * The example graphs bundled with the app, imported as text at build time so that web mode
 * needs no server routes. Listed in the order a newcomer should meet them.
 */
const files = import.meta.glob<string>('../../resources/examples/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface BundledExample {
  /** File name without extension, e.g. `quickstart`. */
  readonly id: string;
  readonly fileName: string;
  /** The graph's own name (its `name` field), or the file name when that is unreadable. */
  readonly title: string;
  readonly text: string;
}

const PREFERRED_ORDER = [
  'quickstart',
  'rosenbrock-race',
  'saddle-escape',
  'logistic-convex',
  'lr-too-big',
  'skip-connections',
];

function titleOf(text: string, fallback: string): string {
  try {
    const name: unknown = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === 'string' && name.trim() !== '' ? name : fallback;
  } catch {
    return fallback;
  }
}

function rank(id: string): number {
  const index = PREFERRED_ORDER.indexOf(id);
  return index === -1 ? PREFERRED_ORDER.length : index;
}

export const bundledExamples: readonly BundledExample[] = Object.entries(files)
  .map(([path, text]) => {
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    const id = fileName.replace(/\.json$/, '');
    return { id, fileName, title: titleOf(text, id), text };
  })
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

export function findExample(id: string): BundledExample | undefined {
  return bundledExamples.find((example) => example.id === id);
}
