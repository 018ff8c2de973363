/**
 * A new wire in the editor: the wiring rules of src-shared decide; this names the edge.
 */
import { checkWire, type GraphDocument, type GraphEdge, type WireAttempt } from '../graph';
import { edgeIds, freshEdgeId } from './ids';

export type ConnectionAttempt = WireAttempt;

export type ConnectionCheck =
  | { readonly ok: true; readonly edge: GraphEdge; readonly replaces: readonly string[] }
  | { readonly ok: false; readonly reason: string };

export function checkConnection(graph: GraphDocument, attempt: ConnectionAttempt): ConnectionCheck {
  const check = checkWire(graph, attempt);
  if (!check.ok) return check;
  const edge: GraphEdge = {
    id: freshEdgeId(edgeIds(graph)),
    from: { node: attempt.source, port: attempt.sourcePort },
    to: { node: attempt.target, port: attempt.targetPort },
  };
  return { ok: true, edge, replaces: check.replaces };
}
