/** The colour key of the port types used in the open graph. */
import { Panel } from '@xyflow/react';
import { type GraphDocument, getBlock } from '../../src-shared/graph';
import { portColor } from './kindColors';

function portTypesIn(graph: GraphDocument): string[] {
  const types = new Set<string>();
  for (const node of graph.nodes) {
    const block = getBlock(node.type);
    for (const port of [...(block?.inputs ?? []), ...(block?.outputs ?? [])]) types.add(port.type);
  }
  return [...types].sort();
}

export function PortLegend({ graph }: { graph: GraphDocument }) {
  const types = portTypesIn(graph);
  if (types.length === 0) return null;
  return (
    <Panel position="bottom-left" className="port-legend" aria-label="Port types">
      {types.map((type) => (
        <span key={type} className="legend-item">
          <span className="legend-swatch" style={{ background: portColor(type) }} />
          {type}
        </span>
      ))}
    </Panel>
  );
}
