/**
 * Opening a graph file: the document is replaced only when the text parses into a graph;
 * otherwise the store records why, and the open document stays exactly as it was. A draft
 * (sound structure, known blocks, but a missing wire or a bad value) opens too: its missing
 * pieces show as problems, and its bad values are reset to their defaults and reported.
 */

import type { DocumentStore } from '../../src-shared/editor/document-store';
import { formatProblem, type Problem, parseGraphText } from '../../src-shared/graph';

export interface GraphFileText {
  readonly name: string;
  readonly path: string | null;
  readonly text: string;
}

/** The problems of a draft that loading fixed: bad param values, now at their default. */
export function resetParams(problems: readonly Problem[]): Problem[] {
  return problems.filter((problem) => /^nodes\[\d+\]\.params\./.test(problem.path));
}

/** What to tell the person about a draft's values that were reset on opening; null if none. */
export function draftNotice(name: string, problems: readonly Problem[]): string | null {
  const reset = resetParams(problems);
  if (reset.length === 0) return null;
  const shown = reset.slice(0, 3).map(formatProblem).join('; ');
  const more = reset.length > 3 ? ` and ${reset.length - 3} more` : '';
  return `Opened ${name} as a draft; reset to the default: ${shown}${more}.`;
}

/**
 * Returns true when the file replaced the document; `report` hears about values of a draft
 * that were reset to their defaults.
 */
export function openGraphFile(
  store: DocumentStore,
  file: GraphFileText,
  report?: (message: string) => void,
): boolean {
  const result = parseGraphText(file.text, { allowIncomplete: true });
  if (!result.ok) {
    store.refuse(file.name, result.problems);
    return false;
  }
  store.load(result.graph, { name: file.name, path: file.path });
  const notice = draftNotice(file.name, result.problems ?? []);
  if (notice) report?.(notice);
  return true;
}

/** Records a file that could not even be read (too big, unreadable) as refused. */
export function refuseUnreadable(store: DocumentStore, name: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  store.refuse(name, [{ path: '(file)', message }]);
}
