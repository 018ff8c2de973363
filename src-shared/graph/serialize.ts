/**
 * Writing a graph: every param explicit (optional structured settings when set), keys in a
 * fixed order (document keys as the schema lists them; node keys id, type, params, position;
 * params in catalog order), 2-space indentation, one edge or small value per line, so saved
 * files diff well.
 */
import { getBlock } from './catalog/index';
import { checkParamValue } from './params';
import type { GraphDocument, GraphEdge, GraphGroup, GraphNode, GraphNote } from './schema';
import { MedianStopSchema, type Sweep, SweepAxisSchema, SweepSchema } from './sweep';

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

/**
 * Params in catalog order, unknown ones after. A structured param at null (its reader's
 * defaults) is left out: such settings are optional, and files without them stay unchanged.
 */
function paramOrder(node: GraphNode): string[] {
  const specs = getBlock(node.type)?.params ?? {};
  const known = Object.keys(specs);
  const present = Object.keys(node.params).filter(
    (key) => !(specs[key]?.kind === 'structured' && node.params[key] === null),
  );
  return [
    ...known.filter((key) => present.includes(key)),
    ...present.filter((k) => !known.includes(k)),
  ];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A param value. Structured ones (objects of settings) go in their schema's key order, one
 * setting per line, and a list of objects (keyframes) one item per line, so they diff well.
 */
function paramValue(node: GraphNode, key: string, depth: number): string {
  const spec = getBlock(node.type)?.params[key];
  let value = node.params[key];
  if (spec?.kind === 'structured') {
    const check = checkParamValue(value, spec);
    if (check.ok) value = check.value;
  }
  if (!isPlainObject(value)) return inline(value);
  const fields = Object.keys(value).map((name): readonly [string, string] => {
    const item = value[name];
    const multiline = Array.isArray(item) && item.length > 0 && item.every(isPlainObject);
    return [name, multiline ? list(item.map(inline), depth + 1) : inline(item)];
  });
  return block(fields, depth);
}

function node(value: GraphNode, depth: number): string {
  const params = block(
    paramOrder(value).map((key) => [key, paramValue(value, key, depth + 2)] as const),
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

/** Defaults filled in and keys in schema order, each axis on one line. */
function sweepBlock(value: Sweep): string {
  const parsed = SweepSchema.safeParse(value);
  const sweep = parsed.success ? parsed.data : value;
  const ordered = (item: object, keys: readonly string[]) =>
    Object.fromEntries(
      keys
        .filter((key) => (item as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, (item as Record<string, unknown>)[key]]),
    );
  const axisKeys = Object.keys(SweepAxisSchema.shape);
  const fields: [string, string][] = [
    [
      'axes',
      list(
        sweep.axes.map((axis) => inline(ordered(axis, axisKeys))),
        2,
      ),
    ],
  ];
  for (const key of Object.keys(SweepSchema.shape).filter((k) => k !== 'axes')) {
    const item = (sweep as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const shown =
      key === 'medianStop' ? ordered(item as object, Object.keys(MedianStopSchema.shape)) : item;
    fields.push([key, inline(shown)]);
  }
  return block(fields, 1);
}

export function serializeGraph(graph: GraphDocument): string {
  const fields: [string, string][] = [
    ['format', inline(graph.format)],
    ['version', inline(graph.version)],
    ['name', inline(graph.name)],
    ...(graph.lesson
      ? [
          ['lesson', inline({ teaches: graph.lesson.teaches, section: graph.lesson.section })] as [
            string,
            string,
          ],
        ]
      : []),
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
  if (graph.sweep) fields.push(['sweep', sweepBlock(graph.sweep)]);
  return `${block(fields, 0)}\n`;
}
