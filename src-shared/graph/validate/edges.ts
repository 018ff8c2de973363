/**
 * Edge checks: ends exist, ports exist with the right direction, port types match, no
 * duplicate connection, at most one edge into a single input.
 */
import { listOptions } from '../format';
import type { PortSpec } from '../ports';
import type { Problem } from '../problem';
import type { GraphEdge } from '../schema';
import { didYouMean } from '../suggest';
import { edgePath, label, type NodeEntry, type ResolvedEdge } from './context';

function portProblem(entry: NodeEntry, name: string, side: 'from' | 'to'): string | undefined {
  const block = entry.block;
  if (!block) return undefined;
  const [wanted, other, noun, direction] =
    side === 'from'
      ? [block.outputs, block.inputs, 'output', 'starts at an output']
      : [block.inputs, block.outputs, 'input', 'ends at an input'];
  if (wanted.some((port) => port.name === name)) return undefined;
  const names = wanted.map((port) => port.name);
  const choices = names.length === 0 ? `it has no ${noun}s` : `its ${noun}s: ${listOptions(names)}`;
  if (other.some((port) => port.name === name)) {
    const otherNoun = noun === 'input' ? 'an output' : 'an input';
    return `${JSON.stringify(name)} is ${otherNoun} of ${label(entry)}; an edge ${direction} (${choices})`;
  }
  const hint = didYouMean(name, names) || ` (${choices})`;
  return `${label(entry)} has no ${noun} ${JSON.stringify(name)}${hint}`;
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? 'an' : 'a');

/** Why an edge was refused, by rule: the editor words these for a wire being dropped. */
export type EdgeRefusal = 'ends' | 'ports' | 'types' | 'repeat' | 'single';

export interface EdgeCheck {
  readonly problems: Problem[];
  /** The edges every check passed, with their ends and ports. */
  readonly resolved: ResolvedEdge[];
  /** The rule each refused edge broke first, by edge index. */
  readonly refused: ReadonlyMap<number, EdgeRefusal>;
}

export function checkEdges(
  edges: readonly (GraphEdge | undefined)[],
  nodes: ReadonlyMap<string, NodeEntry>,
  knownIds: ReadonlySet<string>,
): EdgeCheck {
  const problems: Problem[] = [];
  const resolved: ResolvedEdge[] = [];
  const refused = new Map<number, EdgeRefusal>();
  const firstEdgeWithId = new Map<string, number>();
  const connections = new Map<string, number>();
  const singleInputs = new Map<string, number>();

  edges.forEach((edge, index) => {
    if (!edge) return;
    const path = edgePath(index);
    const sameId = firstEdgeWithId.get(edge.id);
    if (sameId === undefined) firstEdgeWithId.set(edge.id, index);
    else {
      problems.push({
        path: `${path}.id`,
        message: `duplicate id ${JSON.stringify(edge.id)} (first used by edges[${sameId}])`,
      });
    }

    const from = nodes.get(edge.from.node);
    const to = nodes.get(edge.to.node);
    for (const [side, entry] of [
      ['from', from],
      ['to', to],
    ] as const) {
      const id = edge[side].node;
      if (!entry && !knownIds.has(id)) {
        problems.push({
          path: `${path}.${side}.node`,
          message: `no node with id ${JSON.stringify(id)}`,
        });
      }
    }
    if (!from || !to) {
      refused.set(index, 'ends');
      return;
    }

    const fromProblem = portProblem(from, edge.from.port, 'from');
    const toProblem = portProblem(to, edge.to.port, 'to');
    if (fromProblem) problems.push({ path: `${path}.from.port`, message: fromProblem });
    if (toProblem) problems.push({ path: `${path}.to.port`, message: toProblem });
    const fromPort = from.block?.outputs.find((port) => port.name === edge.from.port);
    const toPort: PortSpec | undefined = to.block?.inputs.find((p) => p.name === edge.to.port);
    if (!fromPort || !toPort) {
      refused.set(index, 'ports');
      return;
    }

    if (fromPort.type !== toPort.type) {
      problems.push({
        path,
        message:
          `port types differ: ${label(from)} output ${JSON.stringify(fromPort.name)} gives ` +
          `${article(fromPort.type)} ${fromPort.type}, ${label(to)} input ${JSON.stringify(toPort.name)} ` +
          `takes ${article(toPort.type)} ${toPort.type}`,
      });
      refused.set(index, 'types');
      return;
    }

    const connection = JSON.stringify([edge.from.node, edge.from.port, edge.to.node, edge.to.port]);
    const same = connections.get(connection);
    if (same !== undefined) {
      problems.push({ path, message: `repeats the connection of edges[${same}]` });
      refused.set(index, 'repeat');
      return;
    }
    connections.set(connection, index);

    if (!toPort.multiple) {
      const input = JSON.stringify([edge.to.node, edge.to.port]);
      const taken = singleInputs.get(input);
      if (taken !== undefined) {
        problems.push({
          path: `${path}.to`,
          message: `input ${JSON.stringify(toPort.name)} of ${label(to)} takes one edge, and edges[${taken}] already connects it`,
        });
        refused.set(index, 'single');
        return;
      }
      singleInputs.set(input, index);
    }
    resolved.push({ edge, index, from, to, fromPort, toPort });
  });
  return { problems, resolved, refused };
}
