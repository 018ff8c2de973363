/** Shows one block to the person: selected, centred in the view at a readable zoom, focused. */
import type { ReactFlowInstance } from '@xyflow/react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import { motionDuration } from './motion';

/** Block text is at least 12 px; at this zoom it is 11 px on screen. */
export const READABLE_ZOOM = 11 / 12;

export function revealNode(flow: ReactFlowInstance, store: DocumentStore, id: string): void {
  store.select({ nodes: [id], edges: [] });
  const node = flow.getInternalNode(id);
  if (node) {
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 200;
    const height = node.measured.height ?? 80;
    const zoom = Math.max(flow.getZoom(), READABLE_ZOOM);
    void flow.setCenter(x + width / 2, y + height / 2, { zoom, duration: motionDuration(200) });
  }
  // Focus moves to the block so the keyboard carries on from there (arrows move it).
  requestAnimationFrame(() => {
    document
      .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      ?.focus({ preventScroll: true });
  });
}
