/**
 * The example graphs bundled with the app, imported as text at build time so that web mode
 * needs no server routes. Listed in the order a newcomer should meet them. Each file says
 * what it teaches itself (its `lesson`), so an example is described in one place.
 */
import { type Lesson, LessonSchema } from '../../src-shared/graph';

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
  /** What it teaches and the lecture's section (its `lesson` field), when it says. */
  readonly lesson?: Lesson;
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

/** The graph's name and lesson as far as they can be read (the whole file is checked on open). */
function describe(text: string, fallback: string): { title: string; lesson?: Lesson } {
  try {
    const { name, lesson } = JSON.parse(text) as { name?: unknown; lesson?: unknown };
    const title = typeof name === 'string' && name.trim() !== '' ? name : fallback;
    const parsed = LessonSchema.safeParse(lesson);
    return parsed.success ? { title, lesson: parsed.data } : { title };
  } catch {
    return { title: fallback };
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
    return { id, fileName, ...describe(text, id), text };
  })
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

export function findExample(id: string): BundledExample | undefined {
  return bundledExamples.find((example) => example.id === id);
}
