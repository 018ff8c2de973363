/**
 * Fuzzing the loader with fast-check: whatever comes in (mutated valid graphs, arbitrary
 * JSON, arbitrary JS values, damaged text), the result is a graph or a list of problems,
 * never an exception; and any graph that loads saves and reloads identically.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  catalog,
  type GraphDocument,
  type ParseResult,
  parseGraph,
  parseGraphText,
  serializeGraph,
  validateGraph,
} from '../../../src-shared/graph/index';

const EXAMPLES = join(__dirname, '../../../resources/examples');
const texts = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => readFileSync(join(EXAMPLES, file), 'utf8'));

const PORT_NAMES = [
  ...new Set(catalog.flatMap((b) => [...b.inputs, ...b.outputs].map((p) => p.name))),
];
const PARAM_NAMES = [...new Set(catalog.flatMap((b) => Object.keys(b.params)))];
const TYPES = catalog.map((b) => b.type);

/** The result is well formed; a loaded graph survives serialize -> parse unchanged. */
function expectWellFormed(result: ParseResult): void {
  if (result.ok) {
    const text = serializeGraph(result.graph);
    const again = parseGraphText(text);
    expect(again.ok).toBe(true);
    if (again.ok) expect(serializeGraph(again.graph)).toBe(text);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe('string');
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.message).not.toMatch(/\n/);
    expect(problem.path).not.toMatch(/\n/);
  }
}

type Slot = [container: Record<string, unknown> | unknown[], key: string | number];

function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push([value, index]);
      slots(item, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push([value as Record<string, unknown>, key]);
      slots(item, out);
    }
  }
  return out;
}

const mutation = fc.record({
  op: fc.constantFrom('set', 'delete', 'duplicate', 'retype', 'reconnect', 'param', 'protoKey'),
  at: fc.nat(),
  pick: fc.nat(),
  value: fc.jsonValue({ maxDepth: 3 }),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(doc: Record<string, unknown>, m: Mutation): void {
  const nodes = Array.isArray(doc.nodes) ? (doc.nodes as Record<string, unknown>[]) : [];
  const edges = Array.isArray(doc.edges) ? (doc.edges as Record<string, unknown>[]) : [];
  const all = slots(doc);
  const [container, key] = all[m.at % Math.max(all.length, 1)] ?? [doc, 'name'];
  const target = container as Record<string | number, unknown>;
  const node = nodes[m.at % Math.max(nodes.length, 1)];
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  switch (m.op) {
    case 'set':
      target[key] = m.value;
      break;
    case 'delete':
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete target[key];
      break;
    case 'duplicate':
      if (Array.isArray(container)) container.push(structuredClone(container[Number(key)]));
      else target[`${key}2`] = m.value;
      break;
    case 'retype':
      if (isObject(node)) node.type = TYPES[m.pick % TYPES.length];
      break;
    case 'reconnect': {
      const edge = edges[m.pick % Math.max(edges.length, 1)];
      const other = nodes[m.pick % Math.max(nodes.length, 1)];
      if (isObject(edge) && isObject(edge.to) && isObject(other)) {
        edge.to.node = other.id;
        edge.to.port = PORT_NAMES[m.at % PORT_NAMES.length];
      }
      break;
    }
    case 'param':
      if (isObject(node) && isObject(node.params)) {
        node.params[PARAM_NAMES[m.pick % PARAM_NAMES.length]!] = m.value;
      }
      break;
    case 'protoKey':
      if (isObject(target[key])) {
        Object.defineProperty(target[key], m.pick % 2 ? '__proto__' : 'constructor', {
          value: m.value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      break;
  }
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

afterAll(() => {
  // Nothing any input did reached the shared prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
});

describe('fuzz: parseGraph never throws', () => {
  it('random mutations of valid graphs: a graph or problems', () => {
    let loaded = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (which, mutations) => {
          const doc = JSON.parse(texts[which]!) as Record<string, unknown>;
          for (const m of mutations) mutate(doc, m);
          const result = parseGraph(doc);
          if (result.ok) loaded++;
          expectWellFormed(result);
        },
      ),
      { numRuns: 400 },
    );
    // Some mutations keep the graph valid (a deleted param, a moved node): those round-trip.
    expect(loaded).toBeGreaterThan(10);
  });

  it('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectWellFormed(parseGraph(value))),
      { numRuns: 300 },
    );
  });

  it('arbitrary JS values, prototype-free objects and __proto__ keys included', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'nodes', 'params', 'format'),
    });
    fc.assert(
      fc.property(anything, (value) => expectWellFormed(parseGraph(value))),
      { numRuns: 300 },
    );
  });

  it('arbitrary and damaged text', () => {
    const damaged = fc
      .tuple(fc.nat({ max: texts.length - 1 }), fc.nat(), fc.nat({ max: 20 }), fc.string())
      .map(([which, at, cut, insert]) => {
        const text = texts[which]!;
        const start = at % text.length;
        return text.slice(0, start) + insert + text.slice(start + cut);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), damaged), (text) =>
        expectWellFormed(parseGraphText(text)),
      ),
      { numRuns: 400 },
    );
  });
});

describe('fuzz: validateGraph on typed documents with bad params never throws', () => {
  it('reports problems for random param values', () => {
    const graphs = texts.map((text) => {
      const result = parseGraphText(text);
      if (!result.ok) throw new Error('example invalid');
      return result.graph;
    });
    fc.assert(
      fc.property(
        fc.nat({ max: graphs.length - 1 }),
        fc.nat(),
        fc.constantFrom(...PARAM_NAMES),
        fc.jsonValue({ maxDepth: 2 }),
        (which, at, name, value) => {
          const graph = graphs[which]!;
          const index = at % graph.nodes.length;
          const edited: GraphDocument = {
            ...graph,
            nodes: graph.nodes.map((n, i) =>
              i === index ? { ...n, params: { ...n.params, [name]: value } } : n,
            ),
          };
          const problems = validateGraph(edited);
          expect(Array.isArray(problems)).toBe(true);
          for (const p of problems) expect(p.path.startsWith(`nodes[${index}].params`)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
