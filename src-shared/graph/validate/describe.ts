/**
 * Problems in the words of the blocks: which block (title, id and type), which param or port,
 * beside the JSON path the file and the CLI keep. Also folds the problems that only follow
 * from a missing block under that block's one problem.
 */
import { getBlock } from '../catalog/index';
import type { Problem } from '../problem';

/** What describing needs of a node: a typed document, or whatever a broken file still has. */
export interface NodeFacts {
  readonly id: string;
  readonly type: string;
}

export interface GraphFacts {
  readonly nodes: readonly (NodeFacts | undefined)[];
  readonly edges: readonly ({ readonly to: { readonly node: string } } | undefined)[];
}

/** `Train "t1" (train)`: how every message names a block. */
export function blockSubject(node: NodeFacts): string {
  const title = getBlock(node.type)?.title ?? 'Block';
  return `${title} ${JSON.stringify(node.id)} (${node.type})`;
}

/** Node ids and types as far as an unchecked JSON value has them (for a file that failed). */
export function factsFromJson(json: unknown): GraphFacts {
  const list = (key: string): unknown[] => {
    if (typeof json !== 'object' || json === null) return [];
    const value = (json as Record<string, unknown>)[key];
    return Array.isArray(value) ? value : [];
  };
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : undefined;
  const field = (item: unknown, key: string): unknown =>
    typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;
  return {
    nodes: list('nodes').map((item) => {
      const id = text(field(item, 'id'));
      const type = text(field(item, 'type'));
      return id !== undefined && type !== undefined ? { id, type } : undefined;
    }),
    edges: list('edges').map((item) => {
      const node = text(field(field(item, 'to'), 'node'));
      return node === undefined ? undefined : { to: { node } };
    }),
  };
}

export interface DescribedProblem {
  readonly problem: Problem;
  /** The block the problem is on (an edge's problem: the block it feeds). */
  readonly nodeId?: string;
  /** The problem as it reads on that block: `"lr" must be > 0, got -1`. */
  readonly detail: string;
  /** The whole sentence: `Adam "adam" (optimizer.adam): "lr" must be > 0, got -1`. */
  readonly text: string;
}

const NODE_PATH = /^nodes\[(\d+)\](?:\.params((?:\.[A-Za-z_$][\w$]*|\[[^\]]*\])+)|\.(\w+))?/;

/** The problem as it reads on its block: the param or field first, in the block's words. */
function nodeDetail(message: string, param: string | undefined, field: string | undefined) {
  if (param !== undefined) {
    const unknown = /^unknown param of \S+/.exec(message);
    return unknown
      ? `${JSON.stringify(param)} is not one of its params${message.slice(unknown[0].length)}`
      : `${JSON.stringify(param)} ${message}`;
  }
  return field === undefined || field === 'type' ? message : `${field}: ${message}`;
}

export function describeProblem(graph: GraphFacts, problem: Problem): DescribedProblem {
  const nodeMatch = NODE_PATH.exec(problem.path);
  if (nodeMatch) {
    const node = graph.nodes[Number(nodeMatch[1])];
    if (!node) return { problem, detail: problem.message, text: problem.message };
    const subject = blockSubject(node);
    const own = problem.message.startsWith(`${subject}: `)
      ? problem.message.slice(subject.length + 2)
      : problem.message;
    const detail = nodeDetail(own, nodeMatch[2]?.replace(/^\./, ''), nodeMatch[3]);
    return { problem, nodeId: node.id, detail, text: `${subject}: ${detail}` };
  }
  const edgeMatch = /^edges\[(\d+)\]/.exec(problem.path);
  const nodeId = edgeMatch ? graph.edges[Number(edgeMatch[1])]?.to.node : undefined;
  return {
    problem,
    ...(nodeId !== undefined ? { nodeId } : {}),
    detail: problem.message,
    text: problem.message,
  };
}

/** `<json path>: <words>`, the CLI's line (the path stays first, so the line stays parseable). */
export function formatDescribed(graph: GraphFacts, problem: Problem): string {
  const { text } = describeProblem(graph, problem);
  return problem.path === '' ? text : `${problem.path}: ${text}`;
}

export interface FoldedProblem {
  readonly problem: Problem;
  /** Problems that only follow from this one (a missing block's dependents). */
  readonly folded: readonly Problem[];
}

/** Puts each problem that follows from a missing block under that block's problem. */
export function foldProblems(problems: readonly Problem[]): FoldedProblem[] {
  const causes = new Set(problems.flatMap((p) => (p.missingBlock ? [p.missingBlock] : [])));
  const folded = new Map<string, Problem[]>();
  const top: Problem[] = [];
  for (const problem of problems) {
    if (problem.because && causes.has(problem.because)) {
      folded.set(problem.because, [...(folded.get(problem.because) ?? []), problem]);
    } else top.push(problem);
  }
  return top.map((problem) => ({
    problem,
    folded: (problem.missingBlock && folded.get(problem.missingBlock)) || [],
  }));
}

/** "3 more because Train is missing" (null when nothing was folded). */
export function foldedSummary(entry: FoldedProblem): string | null {
  const missing = entry.problem.missingBlock;
  if (!missing || entry.folded.length === 0) return null;
  const title = getBlock(missing)?.title ?? missing;
  return `${entry.folded.length} more because ${title} is missing`;
}

/** Short lines for a notice: folded, described, at most `limit` of them. */
export function problemLines(graph: GraphFacts, problems: readonly Problem[], limit = 6): string[] {
  const entries = foldProblems(problems);
  const lines = entries.slice(0, limit).map((entry) => {
    const summary = foldedSummary(entry);
    const text = describeProblem(graph, entry.problem).text;
    return summary ? `${text} (${summary})` : text;
  });
  if (entries.length > limit) lines.push(`…and ${entries.length - limit} more`);
  return lines;
}
