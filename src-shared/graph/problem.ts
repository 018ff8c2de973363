/**
 * A problem found in a graph document: where (a JSON path such as `nodes[3].params.lr`)
 * and what (`must be > 0, got -1`). Every check in this folder reports these; none throws.
 */

export interface Problem {
  /** JSON path of the offending value; '' for the document as a whole. */
  readonly path: string;
  readonly message: string;
  /** A block the graph lacks: the catalog type whose palette entry adds it. */
  readonly missingBlock?: string;
  /** This problem follows from the graph lacking that block type (see `missingBlock`). */
  readonly because?: string;
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['nodes', 3, 'params', 'lr']` -> `nodes[3].params.lr`; odd keys use `["a b"]`. */
export function joinPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** Extends a path string by one segment. */
export function childPath(path: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  if (!IDENTIFIER.test(segment)) return `${path}[${JSON.stringify(segment)}]`;
  return path === '' ? segment : `${path}.${segment}`;
}

/** The line a user reads: `<json path>: <message>`, or just the message at the root. */
export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

/**
 * Orders problems as they appear in a document: top-level keys in schema order, then
 * array indices numerically, so `nodes[2]` comes before `nodes[10]` and nodes before edges.
 */
export function sortProblems(problems: readonly Problem[], keyOrder: readonly string[]): Problem[] {
  const tokens = (path: string): (string | number)[] =>
    (path.match(/\[\d+\]|\["(?:[^"\\]|\\.)*"\]|[^.[\]]+/g) ?? []).map((t) =>
      /^\[\d+\]$/.test(t) ? Number(t.slice(1, -1)) : t,
    );
  const rank = (token: string | number | undefined): number => {
    if (token === undefined) return -1;
    const index = keyOrder.indexOf(String(token));
    return index === -1 ? keyOrder.length : index;
  };
  const keyed = problems.map((problem, index) => ({
    problem,
    index,
    tokens: tokens(problem.path),
  }));
  keyed.sort((a, b) => {
    const byRank = rank(a.tokens[0]) - rank(b.tokens[0]);
    if (byRank !== 0) return byRank;
    const ai = a.tokens[1];
    const bi = b.tokens[1];
    if (typeof ai === 'number' && typeof bi === 'number' && ai !== bi) return ai - bi;
    return a.index - b.index;
  });
  return keyed.map((k) => k.problem);
}
