/** The graph as the semantic checks see it: nodes by id with their blocks, edges resolved. */
import type { BlockDefinition } from '../block';
import type { PortSpec } from '../ports';
import type { GraphEdge, GraphNode } from '../schema';
import { blockSubject } from './describe';

export interface NodeEntry {
  readonly node: GraphNode;
  readonly index: number;
  /** Undefined for an unknown type (reported once, at the node). */
  readonly block: BlockDefinition | undefined;
}

/** An edge whose ends and ports exist and whose port types match. */
export interface ResolvedEdge {
  readonly edge: GraphEdge;
  readonly index: number;
  readonly from: NodeEntry;
  readonly to: NodeEntry;
  readonly fromPort: PortSpec;
  readonly toPort: PortSpec;
}

/** `Train "t1" (train)` — how messages name a node. */
export const label = (entry: NodeEntry): string => blockSubject(entry.node);

export const edgePath = (index: number): string => `edges[${index}]`;
export const nodePath = (index: number): string => `nodes[${index}]`;
