/**
 * Editor keyboard shortcuts and the clipboard. Keys typed into a text field stay with the
 * field (its own undo, copy and paste); everywhere else they edit the graph.
 */
import { useEffect, useRef } from 'react';
import type { AlignMode } from '../../src-shared/editor/align';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import {
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  duplicateSelectionWithWires,
  pasteText,
  selectAll,
  ungroupSelection,
} from '../../src-shared/editor/editor-actions';

/** Alt+Shift+<key> aligns or distributes the selected blocks (by physical key). */
export const ALIGN_KEYS: Readonly<Record<string, AlignMode>> = {
  KeyL: 'left',
  KeyC: 'center',
  KeyR: 'right',
  KeyT: 'top',
  KeyM: 'middle',
  KeyB: 'bottom',
  KeyH: 'distributeX',
  KeyV: 'distributeY',
};

export interface EditorShortcutHandlers {
  fitView(): void;
  autoLayout(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Opens quick-add at this window point. */
  quickAdd(point: { x: number; y: number }): void;
  toggleHelp(): void;
  closePopups(): void;
  /** Frames the selected blocks. */
  group(): void;
  /** Adds a sticky note at this window point. */
  addNote(point: { x: number; y: number }): void;
  align(mode: AlignMode): void;
}

export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'range', 'submit', 'reset'].includes(target.type);
}

export function useEditorShortcuts(store: DocumentStore, handlers: EditorShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const pointer = { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    const onPointer = (event: PointerEvent): void => {
      pointer.x = event.clientX;
      pointer.y = event.clientY;
    };

    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const h = latest.current;
      const ctrl = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const alignMode = ALIGN_KEYS[event.code];
      let handled = true;
      if (ctrl && key === 'z' && !event.shiftKey) store.undo();
      else if (ctrl && ((key === 'z' && event.shiftKey) || key === 'y')) store.redo();
      else if (ctrl && key === 'a') selectAll(store);
      else if (ctrl && key === 'd' && event.shiftKey) duplicateSelectionWithWires(store);
      else if (ctrl && key === 'd') duplicateSelection(store);
      else if (ctrl && key === 'g' && event.shiftKey) ungroupSelection(store);
      else if (ctrl && key === 'g') h.group();
      else if (event.altKey && event.shiftKey && !ctrl && alignMode) {
        h.align(alignMode);
      } else if (ctrl || event.altKey) handled = false;
      else if (key === 'delete' || key === 'backspace') deleteSelection(store);
      else if (key === 'escape') {
        h.closePopups();
        store.select({ nodes: [], edges: [] });
      } else if (key === '?') h.toggleHelp();
      else if (key === 'f') h.fitView();
      else if (key === 'l') h.autoLayout();
      else if (key === '+' || key === '=') h.zoomIn();
      else if (key === '-') h.zoomOut();
      else if (key === ' ') h.quickAdd({ ...pointer });
      else if (key === 'n') h.addNote({ ...pointer });
      else handled = false;
      if (handled) event.preventDefault();
    };

    // Copy, cut and paste arrive as clipboard events: they carry the system clipboard, so
    // blocks move between documents and windows without any permission prompt.
    const onCopy = (event: ClipboardEvent): void => {
      if (isTextEntry(event.target) || !event.clipboardData) return;
      const text = event.type === 'cut' ? cutSelection(store) : copySelection(store);
      if (text === null) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent): void => {
      if (isTextEntry(event.target) || !event.clipboardData) return;
      if (pasteText(store, event.clipboardData.getData('text/plain'))) event.preventDefault();
    };

    window.addEventListener('pointermove', onPointer);
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('pointermove', onPointer);
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store]);
}
