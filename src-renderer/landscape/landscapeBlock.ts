/**
 * The `view.landscape` block the viewer shows, read from the open document: its height scale
 * (the viewer's initial one) and its recording settings, which the recorder writes back as
 * undoable `setParam` edits so they are saved with the graph. A graph without such a block
 * keeps the settings in the viewer for the session.
 */
import { useCallback, useMemo, useState } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import {
  DEFAULT_RECORDING,
  type GraphDocument,
  type GraphNode,
  type RecordingSettings,
  RecordingSettingsSchema,
} from '../../src-shared/graph';
import { useDocument } from '../document/useDocument';
import { HEIGHT_MODES, type HeightMode } from './heightScale';

/** Ids of the graph's view.landscape blocks, in graph order (the viewer's view choices). */
export function landscapeViews(graph: GraphDocument): string[] {
  return graph.nodes.filter((n) => n.type === 'view.landscape').map((n) => n.id);
}

/**
 * The blocks the viewer opens side by side, in graph order: those marked `sideBySide` when
 * two or more are, else none (the viewer shows one landscape and a chooser).
 */
export function sideBySideViews(graph: GraphDocument): string[] {
  const marked = graph.nodes.filter((n) => n.type === 'view.landscape' && n.params.sideBySide);
  return marked.length >= 2 ? marked.map((n) => n.id) : [];
}

/** The block with id `view` (the one the landscape was computed for), else the first one. */
export function findLandscapeBlock(graph: GraphDocument, view: string | null): GraphNode | null {
  const blocks = graph.nodes.filter((n) => n.type === 'view.landscape');
  return blocks.find((n) => n.id === view) ?? blocks[0] ?? null;
}

/** A block's recording settings with defaults filled in (null or bad values: the defaults). */
export function recordingOf(block: GraphNode | null): RecordingSettings {
  const value = block?.params.recording;
  if (value === null || value === undefined) return DEFAULT_RECORDING;
  const parsed = RecordingSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_RECORDING;
}

export function scaleOf(block: GraphNode | null): HeightMode | null {
  const scale = block?.params.scale;
  return HEIGHT_MODES.find((m) => m === scale) ?? null;
}

export interface LandscapeBlock {
  /** The block's id, or null when the graph has none (settings are not saved then). */
  readonly id: string | null;
  readonly scale: HeightMode | null;
  readonly recording: RecordingSettings;
  /**
   * Stores new settings (normalized) as one undoable step; `coalesce` merges a run of edits
   * of one field (typing a number) into one step.
   */
  setRecording(next: RecordingSettings, coalesce?: string): void;
}

export function useLandscapeBlock(documents: DocumentStore, view: string | null): LandscapeBlock {
  const doc = useDocument(documents);
  const block = findLandscapeBlock(doc.graph, view);
  const [unsaved, setUnsaved] = useState<RecordingSettings>(DEFAULT_RECORDING);
  const id = block?.id ?? null;
  const recording = useMemo(() => (block ? recordingOf(block) : unsaved), [block, unsaved]);
  const setRecording = useCallback(
    (next: RecordingSettings, coalesce?: string) => {
      const parsed = RecordingSettingsSchema.safeParse(next);
      if (!parsed.success) return;
      if (id === null) {
        setUnsaved(parsed.data);
        return;
      }
      const current = findLandscapeBlock(documents.getSnapshot().graph, id);
      if (JSON.stringify(recordingOf(current)) === JSON.stringify(parsed.data)) return;
      documents.execute(
        { type: 'setParam', node: id, param: 'recording', value: parsed.data },
        {
          label: 'Change recording settings',
          ...(coalesce ? { coalesce: `${id}.${coalesce}` } : {}),
        },
      );
    },
    [documents, id],
  );
  return { id, scale: scaleOf(block), recording, setRecording };
}
