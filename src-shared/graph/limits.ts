/**
 * Limits that stop hostile or broken files before they cost memory or time. Generous for
 * any real graph; the per-param ranges in the catalog bound what a graph may ask the engine.
 */
export const LIMITS = Object.freeze({
  /** Characters of graph text (the same 5 MiB bound as a file crossing IPC). */
  maxTextLength: 5 * 1024 * 1024,
  maxNodes: 500,
  maxEdges: 2000,
  maxGroups: 200,
  maxNotes: 200,
  /** Nesting of arrays/objects; a valid graph needs 5. */
  maxDepth: 16,
  /** Any single string value or key. */
  maxStringLength: 10_000,
  /** Elements of any one array, keys of any one object. */
  maxContainerSize: 10_000,
  /** JSON values in the whole document. */
  maxValues: 200_000,
  maxIdLength: 64,
  maxNameLength: 200,
  maxNoteLength: 10_000,
  /** An example's one line on what it teaches. */
  maxLessonLength: 400,
  /** Problems reported for one document; the rest are counted. */
  maxProblems: 100,
  /** Canvas coordinates. */
  maxCoordinate: 1e7,
});
