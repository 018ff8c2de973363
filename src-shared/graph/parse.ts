/**
 * Loading a graph: bounded JSON -> migrations -> structure (zod) -> params with defaults
 * -> semantics. Reports all problems at once and never throws, whatever the input.
 */
import { z } from 'zod';
import { getBlock } from './catalog/index';
import { findJsonSyntaxError } from './json-syntax';
import { readJsonTree } from './json-tree';
import { LIMITS } from './limits';
import { MIGRATIONS, type MigrationTable, migrateDocument } from './migrations';
import { checkParamValue, defaultValue } from './params';
import type { Problem } from './problem';
import {
  type GraphDocument,
  GraphDocumentSchema,
  type GraphNode,
  isJsonObject,
  ParamsSchema,
  PositionSchema,
  SizeSchema,
} from './schema';
import { structureProblems } from './structure';
import { type Sweep, SweepSchema } from './sweep';
import {
  type CheckedGraph,
  type CollectOptions,
  collectProblems,
  finishProblems,
} from './validate/index';

export type ParseResult =
  | {
      readonly ok: true;
      readonly graph: GraphDocument;
      /** With `allowIncomplete`: what still stops the graph from running (else empty). */
      readonly problems?: Problem[];
    }
  | { readonly ok: false; readonly problems: Problem[] };

export interface ParseOptions {
  /** Migrations by starting version; the app's own table unless a test supplies one. */
  readonly migrations?: MigrationTable;
  /**
   * Load a work in progress: a structurally sound document of known blocks loads even with
   * semantic problems (a missing wire, a bad value: reset to its default), which come back
   * in `problems`. The editor opens drafts this way; the CLI and the engine never do.
   */
  readonly allowIncomplete?: boolean;
}

const failure = (problems: Problem[]): ParseResult => ({
  ok: false,
  problems: finishProblems(problems),
});

/** Parses graph JSON text (a file's content). */
export function parseGraphText(text: string, options: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string') {
    return failure([{ path: '', message: 'is not text' }]);
  }
  if (text.length > LIMITS.maxTextLength) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    return failure([
      {
        path: '',
        message: `is ${mib(text.length)}; graph files are limited to ${mib(LIMITS.maxTextLength)}`,
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return failure([{ path: '', message: `is not valid JSON (${jsonErrorText(error, text)})` }]);
  }
  return parseGraph(json, options);
}

function jsonErrorText(error: unknown, text: string): string {
  const located = findJsonSyntaxError(text);
  if (located) return `line ${located.line}, column ${located.column}: ${located.message}`;
  // Not found by our scanner: the engine's message, kept to one short line.
  const raw = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
  return raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
}

/** Parses an already-decoded JSON value (or anything: it never throws). */
export function parseGraph(json: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parseUntrusted(json, options.migrations ?? MIGRATIONS, options.allowIncomplete ?? false);
  } catch (error) {
    // Input that fights back (throwing getters, revoked proxies) is refused, not propagated.
    return failure([{ path: '', message: `could not be read: ${errorText(error)}` }]);
  }
}

/** One line about a thrown value, even one whose toString throws. */
function errorText(error: unknown): string {
  try {
    return String(error).replace(/\s+/g, ' ').slice(0, 200);
  } catch {
    return 'an unreadable error';
  }
}

function parseUntrusted(
  json: unknown,
  migrations: MigrationTable,
  allowIncomplete: boolean,
): ParseResult {
  const tree = readJsonTree(json);
  if (!tree.ok) return failure(tree.problems);
  const migrated = migrateDocument(tree.value, migrations);
  if (!migrated.ok) return failure(migrated.problems);
  // Migrations are code, but their output is held to the same bounds as a file.
  const current = readJsonTree(migrated.document);
  if (!current.ok) return failure(current.problems);

  const parsed = GraphDocumentSchema.safeParse(current.value);
  if (!parsed.success) {
    const structural = structureProblems(parsed.error.issues, current.value);
    const salvaged = salvage(current.value);
    const semantic = salvaged ? collectProblems(salvaged.graph, salvaged.options) : [];
    return failure([...structural, ...semantic]);
  }
  const graph = { ...parsed.data, nodes: parsed.data.nodes.map(withDefaults) };
  const problems = collectProblems(graph);
  const draftable =
    allowIncomplete && graph.nodes.every((node) => getBlock(node.type) !== undefined);
  if (problems.length > 0 && !draftable) return failure(problems);
  return {
    ok: true,
    graph: { ...graph, nodes: graph.nodes.map(normalized) },
    problems: finishProblems(problems),
  };
}

/**
 * Params with every missing one at its default, in catalog order; keys unknown to the type
 * follow so that validation reports them. Prototype-free: a `__proto__` key stays data.
 */
function withDefaults(node: GraphNode): GraphNode {
  const block = getBlock(node.type);
  if (!block) return node;
  const params: Record<string, unknown> = Object.create(null);
  for (const [name, spec] of Object.entries(block.params)) {
    params[name] = Object.hasOwn(node.params, name) ? node.params[name] : defaultValue(spec);
  }
  for (const key of Object.keys(node.params)) {
    if (!Object.hasOwn(params, key)) params[key] = node.params[key];
  }
  return { ...node, params };
}

/** After validation: plain objects holding exactly the catalog's params, lists copied. */
function normalized(node: GraphNode): GraphNode {
  const block = getBlock(node.type);
  if (!block) return node;
  const params: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(block.params)) {
    const check = checkParamValue(node.params[name], spec);
    params[name] = check.ok ? check.value : defaultValue(spec);
  }
  return { ...node, params };
}

// Lenient shapes: enough of each element to run the semantic checks next to the structural
// problems, so a file's problems are all reported at once.
const SalvageNode = z.object({
  id: z.string(),
  type: z.string(),
  params: ParamsSchema.catch(() => ({})),
  position: PositionSchema.catch({ x: 0, y: 0 }),
});
const SalvageRef = z.object({ node: z.string(), port: z.string() });
const SalvageEdge = z.object({ id: z.string().catch(''), from: SalvageRef, to: SalvageRef });
const SalvageGroup = z.object({
  id: z.string(),
  title: z.string().catch(''),
  nodes: z.array(z.string()).catch([]),
  position: PositionSchema.catch({ x: 0, y: 0 }),
  size: SizeSchema.catch({ width: 1, height: 1 }),
});
const SalvageNote = z.object({
  id: z.string(),
  text: z.string().catch(''),
  position: PositionSchema.catch({ x: 0, y: 0 }),
});

/** A structurally sound sweep is checked against the nodes too; a broken one is not. */
function salvageSweep(value: unknown): Sweep | undefined {
  const parsed = SweepSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function salvage(value: unknown): { graph: CheckedGraph; options: CollectOptions } | undefined {
  if (!isJsonObject(value)) return undefined;
  const list = (key: string): unknown[] => {
    const items = value[key];
    return Array.isArray(items) ? items : [];
  };
  if (list('nodes').length > LIMITS.maxNodes || list('edges').length > LIMITS.maxEdges) {
    return undefined;
  }
  const keep = <T>(items: unknown[], schema: z.ZodType<T>): (T | undefined)[] =>
    items.map((item) => {
      const result = schema.safeParse(item);
      return result.success ? result.data : undefined;
    });
  const knownIds = new Set<string>();
  for (const item of list('nodes')) {
    if (isJsonObject(item) && typeof item.id === 'string') knownIds.add(item.id);
  }
  const nodes = keep(list('nodes'), SalvageNode).map((node) => node && withDefaults(node));
  const graph: CheckedGraph = {
    nodes,
    edges: keep(list('edges'), SalvageEdge),
    groups: keep(list('groups'), SalvageGroup),
    notes: keep(list('notes'), SalvageNote),
    sweep: salvageSweep(value.sweep),
  };
  // Ids are checked for duplicates among the salvaged nodes themselves; the rest only
  // silence "no node with id" for nodes that failed their own structural check.
  for (const node of nodes) if (node) knownIds.delete(node.id);
  return { graph, options: { knownIds, edgesKnown: Array.isArray(value.edges) } };
}
