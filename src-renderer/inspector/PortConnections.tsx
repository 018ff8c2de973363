/**
 * The selected block's wires, editable from the keyboard: each input lists what feeds it (with
 * Disconnect) and offers every output that may feed it; each output lists what it feeds. With
 * this, a whole graph can be wired without a mouse.
 */

import type { DocumentStore } from '../../src-shared/editor/document-store';
import { connect } from '../../src-shared/editor/editor-actions';
import { checkConnection } from '../../src-shared/editor/wires';
import { type GraphDocument, type GraphEdge, getBlock } from '../../src-shared/graph';

const titleOf = (graph: GraphDocument, id: string): string => {
  const node = graph.nodes.find((candidate) => candidate.id === id);
  return `${(node && getBlock(node.type)?.title) ?? node?.type ?? id} (${id})`;
};

/** One port's wires, each naming the block at its other `end`, with Disconnect. */
function WireList(props: {
  graph: GraphDocument;
  port: string;
  wires: readonly GraphEdge[];
  end: 'from' | 'to';
  onDisconnect(edgeId: string): void;
}) {
  return (
    <ul className="wire-list">
      {props.wires.map((wire) => {
        const other = wire[props.end];
        const title = titleOf(props.graph, other.node);
        return (
          <li key={wire.id}>
            <span>
              {props.end} {title} · {other.port}
            </span>
            <button
              type="button"
              className="link-button"
              aria-label={`Disconnect ${props.port} from ${title}`}
              onClick={() => props.onDisconnect(wire.id)}
            >
              Disconnect
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function PortConnections(props: {
  graph: GraphDocument;
  nodeId: string;
  store: DocumentStore;
}) {
  const { graph, nodeId, store } = props;
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  const block = node && getBlock(node.type);
  if (!block || (block.inputs.length === 0 && block.outputs.length === 0)) return null;
  const disconnect = (edgeId: string): void => {
    store.execute({ type: 'remove', nodes: [], edges: [edgeId] }, { label: 'Disconnect' });
  };
  return (
    <section className="port-connections" aria-label="Wires">
      <h4 className="inspector-section">Wires</h4>
      {block.inputs.map((input) => {
        const wires = graph.edges.filter((e) => e.to.node === nodeId && e.to.port === input.name);
        const candidates = graph.nodes.flatMap((other) =>
          (getBlock(other.type)?.outputs ?? []).flatMap((output) => {
            const attempt = {
              source: other.id,
              sourcePort: output.name,
              target: nodeId,
              targetPort: input.name,
            };
            const check = checkConnection(graph, attempt);
            if (!check.ok) return [];
            const label = `${titleOf(graph, other.id)} · ${output.name}`;
            return [{ value: `${other.id}\u0000${output.name}`, label, attempt }];
          }),
        );
        const selectId = `connect-${nodeId}-${input.name}`;
        return (
          <div className="port-wires" key={input.name} data-port-wires={input.name}>
            <label className="param-label" htmlFor={selectId}>
              in: {input.name} <span className="param-unit">({input.type})</span>
              {input.required && <span className="port-required"> required</span>}
            </label>
            <WireList
              graph={graph}
              port={input.name}
              wires={wires}
              end="from"
              onDisconnect={disconnect}
            />
            <select
              id={selectId}
              className="param-input"
              value=""
              disabled={candidates.length === 0}
              onChange={(event) => {
                const chosen = candidates.find((c) => c.value === event.target.value);
                // Only allowed wires are offered, so this cannot be refused.
                if (chosen) connect(store, chosen.attempt);
              }}
            >
              <option value="">
                {candidates.length > 0
                  ? `Connect an output (${input.type})…`
                  : wires.length > 0
                    ? `no other ${input.type} output can feed it`
                    : `no ${input.type} output in the graph yet`}
              </option>
              {candidates.map((candidate) => (
                <option key={candidate.value} value={candidate.value}>
                  {candidate.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {block.outputs.map((output) => {
        const wires = graph.edges.filter(
          (e) => e.from.node === nodeId && e.from.port === output.name,
        );
        return (
          <div className="port-wires" key={`out-${output.name}`}>
            <p className="param-label">
              out: {output.name} <span className="param-unit">({output.type})</span>
            </p>
            {wires.length === 0 && <p className="hint">not connected</p>}
            <WireList
              graph={graph}
              port={output.name}
              wires={wires}
              end="to"
              onDisconnect={disconnect}
            />
          </div>
        );
      })}
    </section>
  );
}
