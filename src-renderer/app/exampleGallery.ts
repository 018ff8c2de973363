/**
 * The start page's gallery: each bundled example with what it teaches, tied to the lecture's
 * section (the example's own `lesson` field), and a thumbnail of its landscape
 * (resources/thumbnails/<id>.png, made from the real app by `npm run thumbnails`).
 */
import { type BundledExample, bundledExamples } from '../document/examples';

const thumbnails = import.meta.glob<string>('../../resources/thumbnails/*.png', {
  query: '?url',
  import: 'default',
  eager: true,
});

export interface GalleryEntry {
  readonly example: BundledExample;
  readonly teaches: string;
  readonly section: string;
  /** The landscape thumbnail's URL, when one was made. */
  readonly thumbnail?: string;
}

export const galleryEntries: readonly GalleryEntry[] = bundledExamples.map((example) => {
  const { lesson } = example;
  const thumbnail = thumbnails[`../../resources/thumbnails/${example.id}.png`];
  return {
    example,
    teaches: lesson?.teaches ?? example.title,
    section: lesson?.section ?? '',
    ...(thumbnail ? { thumbnail } : {}),
  };
});
