/**
 * Fitting the graph in view without making it unreadable: block text is never smaller than
 * 11 px on screen (the zoom stops at READABLE_ZOOM; a bigger graph shows its start, the left,
 * and the rest is a pan away), and the overlays on the canvas (toolbar, minimap, port legend,
 * zoom controls) never cover the blocks the view fits.
 */
import type { ReactFlowInstance, Viewport } from '@xyflow/react';
import { motionDuration } from './motion';
import { READABLE_ZOOM } from './revealNode';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const PADDING = 24;
const MAX_ZOOM = 1.1;

/** The viewport showing `bounds` (flow units) inside `area` (px within the canvas). */
export function readableViewport(bounds: Rect, area: Rect): Viewport {
  const width = Math.max(1, area.width - 2 * PADDING);
  const height = Math.max(1, area.height - 2 * PADDING);
  const fit = Math.min(width / Math.max(1, bounds.width), height / Math.max(1, bounds.height));
  const zoom = Math.min(MAX_ZOOM, Math.max(READABLE_ZOOM, fit));
  const place = (start: number, size: number, room: number, from: number) =>
    size * zoom <= room
      ? from + PADDING + (room - size * zoom) / 2 - start * zoom
      : from + PADDING - start * zoom;
  return {
    x: place(bounds.x, bounds.width, width, area.x),
    y: place(bounds.y, bounds.height, height, area.y),
    zoom,
  };
}

/** The part of the canvas no overlay covers: below the top bar, above the bottom overlays. */
export function freeArea(host: HTMLElement): Rect {
  const box = host.getBoundingClientRect();
  let top = 0;
  let bottom = box.height;
  const visible = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 ? rect : null;
  };
  const root = host.closest('.canvas-area') ?? host;
  for (const element of root.querySelectorAll('.canvas-toolbar, .landscape-toggle')) {
    const rect = visible(element);
    if (rect && rect.top - box.top < box.height / 2) top = Math.max(top, rect.bottom - box.top);
  }
  for (const element of host.querySelectorAll('.minimap, .port-legend, .canvas-controls')) {
    const rect = visible(element);
    if (rect && rect.top - box.top > box.height / 2) bottom = Math.min(bottom, rect.top - box.top);
  }
  return { x: 0, y: top, width: box.width, height: Math.max(1, bottom - top) };
}

/** Fits the blocks readably into the free part of the canvas; false when there is nothing. */
export function fitReadable(
  flow: ReactFlowInstance,
  host: HTMLElement,
  duration = motionDuration(200),
): boolean {
  const nodes = flow.getNodes();
  if (nodes.length === 0) return false;
  const bounds = flow.getNodesBounds(nodes);
  void flow.setViewport(readableViewport(bounds, freeArea(host)), { duration });
  return true;
}
