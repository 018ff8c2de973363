/**
 * Cycles are allowed only through feedback inputs (which deliver the previous step's
 * value). One problem per strongly connected component, naming one cycle in it.
 */
import type { Problem } from '../problem';
import { edgePath, type ResolvedEdge } from './context';

/** The edges that count for cycles, by source node: all but those into feedback inputs. */
export function forwardEdges(edges: readonly ResolvedEdge[]): Map<string, ResolvedEdge[]> {
  const outgoing = new Map<string, ResolvedEdge[]>();
  for (const edge of edges) {
    if (edge.toPort.feedback) continue;
    const list = outgoing.get(edge.edge.from.node) ?? [];
    list.push(edge);
    outgoing.set(edge.edge.from.node, list);
  }
  return outgoing;
}

/** True when `from` reaches `to` (or is it) along forward edges (breadth first). */
export function reaches(
  outgoing: ReadonlyMap<string, readonly ResolvedEdge[]>,
  from: string,
  to: string,
): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    if (node === to) return true;
    for (const edge of outgoing.get(node) ?? []) {
      if (seen.has(edge.edge.to.node)) continue;
      seen.add(edge.edge.to.node);
      queue.push(edge.edge.to.node);
    }
  }
  return false;
}

export function checkCycles(edges: readonly ResolvedEdge[]): Problem[] {
  const outgoing = forwardEdges(edges);

  // Tarjan's strongly connected components; depth is bounded by the node limit.
  const indexOf = new Map<string, number>();
  const lowOf = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (node: string): void => {
    indexOf.set(node, counter);
    lowOf.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const edge of outgoing.get(node) ?? []) {
      const next = edge.edge.to.node;
      if (!indexOf.has(next)) {
        connect(next);
        lowOf.set(node, Math.min(lowOf.get(node)!, lowOf.get(next)!));
      } else if (onStack.has(next)) {
        lowOf.set(node, Math.min(lowOf.get(node)!, indexOf.get(next)!));
      }
    }
    if (lowOf.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of outgoing.keys()) if (!indexOf.has(node)) connect(node);

  const problems: Problem[] = [];
  for (const component of components) {
    const members = new Set(component);
    const last = component.at(-1);
    const cycle = last === undefined ? undefined : findCycle(last, members, outgoing);
    if (!cycle?.[0]) continue;
    const names = [...cycle.map((e) => e.edge.from.node), cycle[0].edge.from.node];
    const first = cycle.reduce((a, b) => (b.index < a.index ? b : a));
    problems.push({
      path: edgePath(first.index),
      message: `closes a cycle ${names.map((n) => JSON.stringify(n)).join(' → ')}; a cycle must pass through a feedback input (such as schedule.plateau's "metric")`,
    });
  }
  return problems;
}

/** Shortest cycle through `start` within `members` (breadth first), as its edges. */
function findCycle(
  start: string,
  members: ReadonlySet<string>,
  outgoing: ReadonlyMap<string, ResolvedEdge[]>,
): ResolvedEdge[] | undefined {
  const via = new Map<string, ResolvedEdge>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const edge of outgoing.get(node) ?? []) {
      const next = edge.edge.to.node;
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [edge];
        for (let at = node; at !== start; at = via.get(at)!.edge.from.node) {
          path.unshift(via.get(at)!);
        }
        return path;
      }
      if (!via.has(next)) {
        via.set(next, edge);
        queue.push(next);
      }
    }
  }
  return undefined;
}
