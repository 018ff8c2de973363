/**
 * The canvas is a view of the document: these pure functions turn a GraphDocument (plus the
 * selection and the validation problems) into the nodes and edges React Flow draws.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Selection } from '../../src-shared/editor/document-store';
import {
  describeProblem,
  type GraphDocument,
  getBlock,
  type Problem,
} from '../../src-shared/graph';
import { portColor } from './kindColors';

export interface PortView {
  readonly name: string;
  readonly type: string;
  readonly color: string;
  readonly required: boolean;
  readonly multiple: boolean;
  readonly feedback: boolean;
}

export type BlockNodeData = {
  readonly type: string;
  readonly kind: string;
  readonly title: string;
  readonly summary: string;
  readonly inputs: readonly PortView[];
  readonly outputs: readonly PortView[];
  /** Validation messages about this node, in its own words (`"lr" must be > 0, got -1`). */
  readonly problems: readonly string[];
};

export type BlockFlowNode = Node<BlockNodeData, 'block'>;

interface PortLike {
  readonly name: string;
  readonly type: string;
  readonly multiple?: boolean;
  readonly required?: boolean;
  readonly feedback?: boolean;
}

function portView(port: PortLike): PortView {
  return {
    name: port.name,
    type: port.type,
    color: portColor(port.type),
    required: port.required ?? false,
    multiple: port.multiple ?? false,
    feedback: port.feedback ?? false,
  };
}

/** The node a problem's JSON path points into (`nodes[3]…`, or an edge's target). */
export function problemNodeId(graph: GraphDocument, problem: Problem): string | undefined {
  return describeProblem(graph, problem).nodeId;
}

/** Problems grouped by the node they concern, each as the block's own words. */
export function problemsByNode(
  graph: GraphDocument,
  problems: readonly Problem[],
): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  for (const problem of problems) {
    const { nodeId: id, detail } = describeProblem(graph, problem);
    if (id === undefined) continue;
    const list = byNode.get(id) ?? [];
    list.push(detail);
    byNode.set(id, list);
  }
  return byNode;
}

function summaryOf(summarize: () => string): string {
  try {
    return summarize();
  } catch {
    // A summary is decoration; a bad param is already reported by validation.
    return '';
  }
}

export function toFlowNodes(
  graph: GraphDocument,
  selection: Selection,
  problems: readonly Problem[],
): BlockFlowNode[] {
  const byNode = problemsByNode(graph, problems);
  const selected = new Set(selection.nodes);
  return graph.nodes.map((node) => {
    const block = getBlock(node.type);
    const summary = block ? summaryOf(() => block.summary(node.params)) : 'unknown block type';
    const nodeProblems = byNode.get(node.id) ?? [];
    return {
      id: node.id,
      type: 'block',
      position: { x: node.position.x, y: node.position.y },
      selected: selected.has(node.id),
      ariaLabel: `${block?.title ?? node.type} block (${block?.kind ?? 'unknown'}, ${node.id})${
        summary ? `: ${summary}` : ''
      }${nodeProblems.length > 0 ? `; ${nodeProblems.length} problems` : ''}`,
      data: {
        type: node.type,
        kind: block?.kind ?? 'unknown',
        title: block?.title ?? node.type,
        summary,
        inputs: (block?.inputs ?? []).map(portView),
        outputs: (block?.outputs ?? []).map(portView),
        problems: nodeProblems,
      },
    };
  });
}

/** The type of the output port an edge starts from, when the catalog knows it. */
function sourcePortType(graph: GraphDocument, nodeId: string, port: string): string | undefined {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  return node && getBlock(node.type)?.outputs.find((output) => output.name === port)?.type;
}

export function toFlowEdges(graph: GraphDocument, selection: Selection): Edge[] {
  const selected = new Set(selection.edges);
  return graph.edges.map((edge) => {
    const type = sourcePortType(graph, edge.from.node, edge.from.port);
    return {
      id: edge.id,
      source: edge.from.node,
      sourceHandle: edge.from.port,
      target: edge.to.node,
      targetHandle: edge.to.port,
      selected: selected.has(edge.id),
      style: { stroke: type ? portColor(type) : undefined },
      ariaLabel: `Wire from ${edge.from.node} ${edge.from.port} to ${edge.to.node} ${edge.to.port}`,
      data: { portType: type ?? 'unknown' },
    };
  });
}
