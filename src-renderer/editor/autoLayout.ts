/**
 * Auto-layout with elkjs: the editor core builds the request and reads the answer
 * (src-shared/editor/layout-request.ts); this runs ELK on it.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { SizeOf } from '../../src-shared/editor/editor-actions';
import { layoutPositions, layoutRequest } from '../../src-shared/editor/layout-request';
import type { GraphDocument, Position } from '../../src-shared/graph';

const elk = new ELK();

/** New positions for the blocks `ids` (all blocks when empty), snapped to the grid. */
export async function computeLayout(
  graph: GraphDocument,
  ids: readonly string[],
  sizeOf: SizeOf,
): Promise<Record<string, Position>> {
  const request = layoutRequest(graph, ids, sizeOf);
  if (!request) return {};
  const answer = await elk.layout({ ...request, layoutOptions: { ...request.layoutOptions } });
  return layoutPositions(graph, ids, answer);
}
