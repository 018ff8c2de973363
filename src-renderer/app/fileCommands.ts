/**
 * New, Open…, Save, Save As…, Examples and dropped files, shared by the toolbar, keyboard
 * shortcuts and (in Electron) the app menu. Every failure becomes a message, never a throw.
 */

import type { DocumentStore } from '../../src-shared/editor/document-store';
import { emptyGraph, UNTITLED_FILE } from '../../src-shared/editor/empty-graph';
import { serializeGraph } from '../../src-shared/graph';
import type { AtlasBridge } from '../../src-shared/protocol/bridge';
import type { KeyValueStorage } from '../document/autosave';
import { findExample } from '../document/examples';
import { type GraphFileText, openGraphFile, refuseUnreadable } from '../document/openGraphFile';
import { type ReadableFile, readGraphFile } from '../document/readGraphFile';
import { type RecentFile, readRecent, rememberRecent } from '../document/recentFiles';

export interface FileCommands {
  newDocument(): void;
  open(): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
  openExample(id: string): void;
  /** Opens a file dropped on the window (or picked some other way). */
  openFile(file: ReadableFile): Promise<void>;
  /** Open Recent: the files last opened or saved, newest first. */
  recentFiles(): readonly RecentFile[];
  openRecent(file: RecentFile): void;
}

export interface FileCommandHost {
  readonly store: DocumentStore;
  readonly bridge: AtlasBridge;
  /** Asks whether unsaved changes may be discarded; true to go on. */
  confirmDiscard(): boolean;
  /** Tells the person something went wrong (a save that failed, say). */
  report(message: string): void;
  /** Where Open Recent keeps its list. */
  readonly storage: KeyValueStorage;
  readonly now?: () => number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createFileCommands(host: FileCommandHost): FileCommands {
  const { store, bridge } = host;
  const now = host.now ?? Date.now;
  const mayDiscard = (): boolean => !store.getSnapshot().dirty || host.confirmDiscard();
  /** Opens graph text; a file that opened goes to the top of Open Recent. */
  const open = (file: GraphFileText): void => {
    if (openGraphFile(store, file, host.report))
      rememberRecent(host.storage, { ...file, openedAt: now() });
  };

  const save = async (asNew: boolean): Promise<void> => {
    const { graph, file } = store.getSnapshot();
    try {
      const text = serializeGraph(graph);
      const result = await bridge.saveGraph({
        path: asNew ? null : file.path,
        suggestedName: file.name,
        text,
      });
      if (!result) return;
      store.markSaved({ name: result.name, path: result.path });
      rememberRecent(host.storage, { ...result, text, openedAt: now() });
    } catch (error) {
      host.report(`Could not save ${file.name}: ${messageOf(error)}`);
    }
  };

  return {
    newDocument() {
      if (mayDiscard()) store.load(emptyGraph(), UNTITLED_FILE);
    },
    async open() {
      if (!mayDiscard()) return;
      try {
        const file = await bridge.openGraph();
        if (file) open(file);
      } catch (error) {
        refuseUnreadable(store, 'the chosen file', error);
      }
    },
    save: () => save(false),
    saveAs: () => save(true),
    openExample(id) {
      const example = findExample(id);
      if (!example || !mayDiscard()) return;
      // An example opens as a new, unsaved document: Save asks where to put the copy.
      openGraphFile(store, { name: example.fileName, path: null, text: example.text });
    },
    recentFiles: () => readRecent(host.storage),
    openRecent(file) {
      if (mayDiscard()) open(file);
    },
    async openFile(file) {
      if (!mayDiscard()) return;
      try {
        const opened = await readGraphFile(file);
        // A dropped file has no path the renderer may write to: Save asks where.
        open({ ...opened, path: null });
      } catch (error) {
        refuseUnreadable(store, file.name, error);
      }
    },
  };
}
