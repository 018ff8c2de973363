/**
 * Semantic validation of a typed graph document: block types, ids, params, edges, cycles
 * and connection rules. Reports every problem it finds; never throws.
 */
import { catalog, getBlock } from '../catalog/index';
import { describeValue } from '../format';
import { LIMITS } from '../limits';
import { childPath, type Problem, sortProblems } from '../problem';
import {
  DOCUMENT_KEYS,
  type GraphDocument,
  type GraphEdge,
  type GraphGroup,
  type GraphNode,
  type GraphNote,
} from '../schema';
import { didYouMean } from '../suggest';
import type { Sweep } from '../sweep';
import { type NodeEntry, nodePath } from './context';
import { checkCycles } from './cycles';
import { checkEdges } from './edges';
import { checkNodeParams } from './params';
import { checkConnections } from './rules';
import { checkSweep } from './sweep';

const TYPES = catalog.map((block) => block.type);

/**
 * A document as far as it could be read: an element that failed its structural check is
 * `undefined`, so the others keep the indices their paths name.
 */
export interface CheckedGraph {
  readonly nodes: readonly (GraphNode | undefined)[];
  readonly edges: readonly (GraphEdge | undefined)[];
  readonly groups?: readonly (GraphGroup | undefined)[];
  readonly notes?: readonly (GraphNote | undefined)[];
  readonly sweep?: Sweep;
}

export interface CollectOptions {
  /**
   * Ids of nodes that exist in the file but failed the structural check: edges to them are
   * not reported as dangling (the node's own problem already is).
   */
  readonly knownIds?: ReadonlySet<string>;
  /** False when the edge list itself was unreadable: then no input counts as missing. */
  readonly edgesKnown?: boolean;
}

export function collectProblems(graph: CheckedGraph, options: CollectOptions = {}): Problem[] {
  const knownIds = options.knownIds ?? new Set<string>();
  const problems: Problem[] = [];
  const byId = new Map<string, NodeEntry>();
  const entries: NodeEntry[] = [];
  graph.nodes.forEach((node, index) => {
    if (!node) return;
    const path = nodePath(index);
    const block = getBlock(node.type);
    if (!block) {
      problems.push({
        path: `${path}.type`,
        message: `unknown block type ${describeValue(node.type)}${didYouMean(node.type, TYPES)}`,
      });
    } else {
      problems.push(...checkNodeParams(node.params, block, `${path}.params`));
    }
    const entry: NodeEntry = { node, index, block };
    const first = byId.get(node.id);
    if (first) {
      problems.push({
        path: `${path}.id`,
        message: `duplicate id ${JSON.stringify(node.id)} (first used by ${nodePath(first.index)})`,
      });
      return;
    }
    byId.set(node.id, entry);
    entries.push(entry);
  });

  const { problems: edgeProblems, resolved } = checkEdges(graph.edges, byId, knownIds);
  problems.push(...edgeProblems, ...checkCycles(resolved));
  if (options.edgesKnown !== false) {
    // An unreadable or unknown block may be the one that looks missing: name none then.
    const complete = knownIds.size === 0 && entries.every((entry) => entry.block !== undefined);
    problems.push(...checkConnections(entries, resolved, complete));
  }
  problems.push(...checkGroupsAndNotes(graph, byId, knownIds));
  if (graph.sweep) problems.push(...checkSweep(graph.sweep, byId, knownIds));
  return problems;
}

function checkGroupsAndNotes(
  graph: CheckedGraph,
  nodes: ReadonlyMap<string, NodeEntry>,
  knownIds: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [key, items] of [
    ['groups', graph.groups ?? []],
    ['notes', graph.notes ?? []],
  ] as const) {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      if (!item) return;
      const path = `${key}[${index}]`;
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, index);
      else {
        problems.push({
          path: `${path}.id`,
          message: `duplicate id ${JSON.stringify(item.id)} (first used by ${key}[${first}])`,
        });
      }
    });
  }
  (graph.groups ?? []).forEach((group, index) => {
    group?.nodes.forEach((id, at) => {
      if (nodes.has(id) || knownIds.has(id)) return;
      problems.push({
        path: childPath(`groups[${index}].nodes`, at),
        message: `no node with id ${JSON.stringify(id)}`,
      });
    });
  });
  return problems;
}

/** Sorted in document order and capped, with a last line counting what was left out. */
export function finishProblems(problems: readonly Problem[]): Problem[] {
  const sorted = sortProblems(problems, DOCUMENT_KEYS);
  if (sorted.length <= LIMITS.maxProblems) return sorted;
  const shown = sorted.slice(0, LIMITS.maxProblems);
  shown.push({ path: '', message: `…and ${sorted.length - LIMITS.maxProblems} more problems` });
  return shown;
}

/** Semantic checks of an already-typed document (the editor calls this after each edit). */
export function validateGraph(graph: GraphDocument): Problem[] {
  try {
    return finishProblems(collectProblems(graph));
  } catch (error) {
    // Only a document that is not what its type says (e.g. params missing) gets here.
    return [{ path: '', message: `is not a well-formed graph document (${String(error)})` }];
  }
}
