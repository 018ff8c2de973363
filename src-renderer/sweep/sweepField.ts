/** The inspector's "Sweep this param" for number params: one undoable setSweep. */

import type { DocumentStore } from '../../src-shared/editor/document-store';
import type { GraphDocument, ParamSpec } from '../../src-shared/graph';
import { axisFor, isSwept, withAxis } from './sweepAxis';

export function sweepProps(
  graph: GraphDocument,
  node: string,
  param: string,
  spec: ParamSpec,
  store: DocumentStore,
): { onSweep?: () => void; swept?: boolean } {
  if (spec.kind !== 'number') return {};
  return {
    swept: isSwept(graph, node, param),
    onSweep: () => {
      const current = store.getSnapshot().graph;
      if (isSwept(current, node, param)) return;
      const value = current.nodes.find((n) => n.id === node)?.params[param];
      store.execute({
        type: 'setSweep',
        sweep: withAxis(current.sweep, axisFor(node, param, spec, value)),
      });
    },
  };
}
