/**
 * The open document, outside React: the graph, which file it came from, whether it has unsaved
 * changes, the selection, the undo history, and the problems of the last file that could not be
 * opened. Components read it through useSyncExternalStore; the canvas is a view of `graph`.
 * Edits go through `execute` (commands.ts), so undo, validation and saving see one truth.
 */
import { type GraphDocument, type Problem, validateGraph } from '../graph';
import { applyCommand, type GraphCommand } from './commands';
import { createListeners } from './listeners';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  /** Selected group frames and sticky notes (absent: none). */
  readonly groups?: readonly string[];
  readonly notes?: readonly string[];
}

/** Where the document lives: `path` is where Save writes (null: Save asks, as Save As). */
export interface DocumentFile {
  readonly name: string;
  readonly path: string | null;
}

/** A file the user tried to open that was refused, with every reason. */
export interface RefusedFile {
  readonly name: string;
  readonly problems: readonly Problem[];
}

export interface DocumentState {
  /** Increases each time a different document is loaded (views reset their viewport on it). */
  readonly loadId: number;
  readonly graph: GraphDocument;
  readonly file: DocumentFile;
  /** The graph differs from the one last loaded or saved. */
  readonly dirty: boolean;
  readonly selection: Selection;
  /** Validation problems of `graph` (derived; recomputed only when the graph changes). */
  readonly problems: readonly Problem[];
  readonly refused: RefusedFile | null;
  /** Labels of the commands undo and redo would revert or repeat, if any. */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

export interface ExecuteOptions {
  /** Consecutive commands with the same key merge into one undo step (typing, sliders). */
  readonly coalesce?: string;
  /** The selection after the command (e.g. the pasted blocks). */
  readonly select?: Selection;
  /** The label undo shows; defaults to the command's own. */
  readonly label?: string;
}

export interface DocumentStore {
  getSnapshot(): DocumentState;
  subscribe(listener: () => void): () => void;
  /** Replaces the document (open, new, example); the result has no unsaved changes. */
  load(graph: GraphDocument, file: DocumentFile, options?: { dirty?: boolean }): void;
  /** Applies an edit as one undoable step; returns false when it changed nothing. */
  execute(command: GraphCommand | readonly GraphCommand[], options?: ExecuteOptions): boolean;
  undo(): void;
  redo(): void;
  /** Records a file that could not be opened; the document stays as it was. */
  refuse(name: string, problems: readonly Problem[]): void;
  dismissRefused(): void;
  select(selection: Selection): void;
  /** The document was written to `file`. */
  markSaved(file: DocumentFile): void;
}

interface HistoryEntry {
  readonly before: GraphDocument;
  readonly after: GraphDocument;
  readonly label: string;
  readonly coalesce?: string;
}

/** Undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

function labelOf(commands: readonly GraphCommand[]): string {
  const [first] = commands;
  if (!first) return 'Edit';
  const labels: Record<GraphCommand['type'], string> = {
    add: 'Add',
    remove: 'Delete',
    move: 'Move',
    setParam: first.type === 'setParam' ? `Set ${first.param}` : 'Set',
    connect: 'Connect',
    rename: 'Rename',
    updateGroup: 'Edit group',
    updateNote: 'Edit note',
    setSweep: 'Edit sweep',
  };
  return labels[first.type];
}

/** Keeps only ids that still exist in `graph`. */
function pruneSelection(selection: Selection, graph: GraphDocument): Selection {
  const keep = (ids: readonly string[] | undefined, items: readonly { id: string }[] = []) =>
    (ids ?? []).filter((id) => items.some((item) => item.id === id));
  const pruned = {
    nodes: keep(selection.nodes, graph.nodes),
    edges: keep(selection.edges, graph.edges),
    groups: keep(selection.groups, graph.groups),
    notes: keep(selection.notes, graph.notes),
  };
  const same =
    pruned.nodes.length === selection.nodes.length &&
    pruned.edges.length === selection.edges.length &&
    pruned.groups.length === (selection.groups?.length ?? 0) &&
    pruned.notes.length === (selection.notes?.length ?? 0);
  return same ? selection : pruned;
}

export function createDocumentStore(graph: GraphDocument, file: DocumentFile): DocumentStore {
  let saved = graph;
  let past: HistoryEntry[] = [];
  let future: HistoryEntry[] = [];
  let state: DocumentState = {
    loadId: 0,
    graph,
    file,
    dirty: false,
    selection: EMPTY_SELECTION,
    problems: validateGraph(graph),
    refused: null,
    undoLabel: null,
    redoLabel: null,
  };
  const listeners = createListeners();

  const update = (next: Partial<DocumentState>): void => {
    const graphChanged = next.graph !== undefined && next.graph !== state.graph;
    const merged = { ...state, ...next };
    state = {
      ...merged,
      problems: graphChanged ? validateGraph(merged.graph) : state.problems,
      dirty: merged.graph !== saved,
      undoLabel: past.at(-1)?.label ?? null,
      redoLabel: future.at(-1)?.label ?? null,
    };
    listeners.notify();
  };

  return {
    getSnapshot: () => state,
    subscribe: listeners.subscribe,
    load(graph, file, options = {}) {
      // A restored autosave is loaded dirty: it was never saved to its file.
      saved = options.dirty ? { ...graph } : graph;
      past = [];
      future = [];
      const loadId = state.loadId + 1;
      update({ loadId, graph, file, selection: EMPTY_SELECTION, refused: null });
    },
    execute(command, options = {}) {
      const commands: readonly GraphCommand[] = Array.isArray(command) ? command : [command];
      const before = state.graph;
      const after = commands.reduce(applyCommand, before);
      if (after === before) {
        if (options.select) update({ selection: options.select });
        return false;
      }
      const last = past.at(-1);
      if (options.coalesce && last?.coalesce === options.coalesce && future.length === 0) {
        past[past.length - 1] = { ...last, after };
      } else {
        past.push({
          before,
          after,
          label: options.label ?? labelOf(commands),
          coalesce: options.coalesce,
        });
        if (past.length > HISTORY_LIMIT) past = past.slice(-HISTORY_LIMIT);
      }
      future = [];
      const selection = pruneSelection(options.select ?? state.selection, after);
      update({ graph: after, selection });
      return true;
    },
    undo() {
      const entry = past.pop();
      if (!entry) return;
      future.push(entry);
      update({ graph: entry.before, selection: pruneSelection(state.selection, entry.before) });
    },
    redo() {
      const entry = future.pop();
      if (!entry) return;
      past.push(entry);
      update({ graph: entry.after, selection: pruneSelection(state.selection, entry.after) });
    },
    refuse(name, problems) {
      update({ refused: { name, problems } });
    },
    dismissRefused() {
      update({ refused: null });
    },
    select(selection) {
      update({ selection });
    },
    markSaved(file) {
      saved = state.graph;
      update({ file });
    },
  };
}
