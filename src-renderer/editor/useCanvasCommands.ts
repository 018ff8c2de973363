/**
 * The editor's commands as the shell offers them (palette, toolbar, shortcuts): the editing
 * actions of src-shared/editor, given what only the canvas knows — where the view is and how
 * big each block was drawn.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { type RefObject, useCallback, useMemo } from 'react';
import type { AlignMode } from '../../src-shared/editor/align';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import {
  addBlock,
  addNote,
  alignSelection,
  DEFAULT_BLOCK_SIZE,
  groupSelection,
  type SizeOf,
} from '../../src-shared/editor/editor-actions';
import type { QuickAddRequest } from '../canvas/QuickAdd';
import { computeLayout } from './autoLayout';

type Point = { x: number; y: number };

/** `point` when it lies on the canvas, else the canvas's middle (window coordinates). */
export function pointOrCenter(bounds: DOMRect, point?: Point): Point {
  const inside =
    point !== undefined &&
    point.x >= bounds.left &&
    point.x <= bounds.right &&
    point.y >= bounds.top &&
    point.y <= bounds.bottom;
  return inside ? point : { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 };
}

export interface CanvasCommandsOptions {
  readonly store: DocumentStore;
  readonly flow: ReactFlowInstance;
  readonly canvasArea: RefObject<HTMLElement | null>;
  readonly notify: (message: string) => void;
  readonly openQuickAdd: (request: QuickAddRequest) => void;
  readonly fitView: () => void;
}

export function useCanvasCommands({
  store,
  flow,
  canvasArea,
  notify,
  openQuickAdd,
  fitView,
}: CanvasCommandsOptions) {
  /** Block sizes as the canvas measured them. */
  const sizeOf = useCallback<SizeOf>(
    (id) => {
      const size = flow.getNode(id)?.measured;
      return size?.width && size.height ? { width: size.width, height: size.height } : undefined;
    },
    [flow],
  );

  /** A window point (or the canvas's middle) in flow coordinates; null before mounting. */
  const flowPoint = useCallback(
    (point?: Point) => {
      const bounds = canvasArea.current?.getBoundingClientRect();
      return bounds ? flow.screenToFlowPosition(pointOrCenter(bounds, point)) : null;
    },
    [canvasArea, flow],
  );

  return useMemo(
    () => ({
      /** Adds a block in the middle of the view, at the nearest spot free of other blocks. */
      addAtCenter(type: string) {
        const center = flowPoint();
        if (!center) return;
        const at = {
          x: center.x - DEFAULT_BLOCK_SIZE.width / 2,
          y: center.y - DEFAULT_BLOCK_SIZE.height / 2,
        };
        addBlock(store, type, at, undefined, undefined, sizeOf);
      },
      /** Lays out the selection (two or more blocks) or else the whole graph, as one undo step. */
      async autoLayout() {
        const { graph, selection, loadId } = store.getSnapshot();
        const ids = selection.nodes.length > 1 ? selection.nodes : [];
        const positions = await computeLayout(graph, ids, sizeOf);
        // A different document may have been opened while the layout ran.
        if (store.getSnapshot().loadId !== loadId) return;
        store.execute({ type: 'move', positions }, { label: 'Auto-layout' });
        if (ids.length === 0) requestAnimationFrame(fitView);
      },
      align(mode: AlignMode) {
        if (alignSelection(store, mode, sizeOf)) return;
        const distribute = mode.startsWith('distribute');
        notify(
          `Select at least ${distribute ? 3 : 2} blocks to ${distribute ? 'distribute' : 'align'} them.`,
        );
      },
      group() {
        if (!groupSelection(store, sizeOf)) notify('Select blocks to group them in a frame.');
      },
      /** A note at a window point, or in the middle of the view when the point is off the canvas. */
      addNoteAt(point?: Point) {
        const at = flowPoint(point);
        if (at) addNote(store, at);
      },
      /** Quick add at a window point, or in the middle of the view when it is off the canvas. */
      quickAddAt(point: Point) {
        const bounds = canvasArea.current?.getBoundingClientRect();
        if (!bounds) return;
        const at = pointOrCenter(bounds, point);
        openQuickAdd({
          at: { x: at.x - bounds.left, y: at.y - bounds.top },
          flowPosition: flow.screenToFlowPosition(at),
        });
      },
    }),
    [store, flow, canvasArea, notify, openQuickAdd, fitView, sizeOf, flowPoint],
  );
}
