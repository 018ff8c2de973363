/**
 * Writing a graph: every param explicit, keys in a fixed order (document keys as the
 * schema lists them; node keys id, type, params, position; params in catalog order),
 * 2-space indentation, one edge or small value per line, so saved files diff well.
 */
import { getBlock } from './catalog/index';
import type { GraphDocument, GraphEdge, GraphGroup, GraphNode, GraphNote } from './schema';

/** A value on one line: `[32, 32]`, `{ "x": 0, "y": 0 }`. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).map(
      (key) => `${JSON.stringify(key)}: ${inline((value as Record<string, unknown>)[key])}`,
    );
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

const pad = (depth: number): string => '  '.repeat(depth);

/** An object with one `"key": value` line per entry, values already rendered. */
function block(fields: readonly (readonly [string, string])[], depth: number): string {
  if (fields.length === 0) return '{}';
  const lines = fields.map(([key, text]) => `${pad(depth + 1)}${JSON.stringify(key)}: ${text}`);
  return `{\n${lines.join(',\n')}\n${pad(depth)}}`;
}

function list(items: readonly string[], depth: number): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `${pad(depth + 1)}${item}`).join(',\n')}\n${pad(depth)}]`;
}

function paramOrder(node: GraphNode): string[] {
  const known = Object.keys(getBlock(node.type)?.params ?? {});
  const present = Object.keys(node.params);
  return [
    ...known.filter((key) => present.includes(key)),
    ...present.filter((k) => !known.includes(k)),
  ];
}

function node(value: GraphNode, depth: number): string {
  const params = block(
    paramOrder(value).map((key) => [key, inline(value.params[key])] as const),
    depth + 1,
  );
  return block(
    [
      ['id', inline(value.id)],
      ['type', inline(value.type)],
      ['params', params],
      ['position', inline({ x: value.position.x, y: value.position.y })],
    ],
    depth,
  );
}

const ref = (value: GraphEdge['from']) => ({ node: value.node, port: value.port });

const edge = (value: GraphEdge): string =>
  inline({ id: value.id, from: ref(value.from), to: ref(value.to) });

function group(value: GraphGroup, depth: number): string {
  return block(
    [
      ['id', inline(value.id)],
      ['title', inline(value.title)],
      ['nodes', inline(value.nodes)],
      ['position', inline({ x: value.position.x, y: value.position.y })],
      ['size', inline({ width: value.size.width, height: value.size.height })],
    ],
    depth,
  );
}

function note(value: GraphNote, depth: number): string {
  const fields: [string, string][] = [
    ['id', inline(value.id)],
    ['text', inline(value.text)],
    ['position', inline({ x: value.position.x, y: value.position.y })],
  ];
  if (value.size) {
    fields.push(['size', inline({ width: value.size.width, height: value.size.height })]);
  }
  return block(fields, depth);
}

export function serializeGraph(graph: GraphDocument): string {
  const fields: [string, string][] = [
    ['format', inline(graph.format)],
    ['version', inline(graph.version)],
    ['name', inline(graph.name)],
    [
      'nodes',
      list(
        graph.nodes.map((n) => node(n, 2)),
        1,
      ),
    ],
    ['edges', list(graph.edges.map(edge), 1)],
  ];
  if (graph.groups)
    fields.push([
      'groups',
      list(
        graph.groups.map((g) => group(g, 2)),
        1,
      ),
    ]);
  if (graph.notes)
    fields.push([
      'notes',
      list(
        graph.notes.map((n) => note(n, 2)),
        1,
      ),
    ]);
  return `${block(fields, 0)}\n`;
}
