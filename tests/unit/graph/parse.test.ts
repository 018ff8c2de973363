/** Loading: structure, defaults, limits against hostile files, versions, prototype safety. */
import { describe, expect, it } from 'vitest';
import {
  catalog,
  defaultParams,
  LIMITS,
  MIGRATIONS,
  type MigrationTable,
  type Problem,
  parseGraph,
  parseGraphText,
} from '../../../src-shared/graph/index';
import { dataGraph, edge, graph, node, type RawGraph, surfaceGraph } from './graphs';

function problemsOf(input: unknown, text = false): Problem[] {
  const result = text ? parseGraphText(input as string) : parseGraph(input);
  if (result.ok) throw new Error('expected problems, the graph is valid');
  return result.problems;
}

describe('defaults', () => {
  it('fills every missing param with its catalog default, in catalog order', () => {
    const raw = dataGraph();
    raw.nodes[2]!.params = { weightDecay: 0.5, lr: 0.1 };
    const result = parseGraph(raw);
    if (!result.ok) throw new Error('invalid');
    const sgd = result.graph.nodes[2]!.params;
    expect(Object.keys(sgd)).toEqual(['lr', 'momentum', 'nesterov', 'weightDecay']);
    expect(sgd).toEqual({ lr: 0.1, momentum: 0, nesterov: false, weightDecay: 0.5 });
    expect(result.graph.nodes[1]!.params).toEqual({
      hidden: [32, 32],
      activation: 'relu',
      skip: false,
      init: 'glorot',
      output: 'softmax',
      seed: 0,
    });
  });

  it('takes a node without params as all defaults', () => {
    const raw = surfaceGraph() as unknown as { nodes: Record<string, unknown>[] };
    delete raw.nodes[1]!.params;
    const result = parseGraph(raw);
    expect(result.ok && result.graph.nodes[1]!.params).toEqual(defaultParams('optimizer.adam'));
  });

  it('every catalog block loads from empty params (a CSV or import block then asks for its file)', () => {
    const asks: Record<string, string> = {
      'dataset.csv': 'choose a CSV file',
      'model.import': 'choose a model.json file (or embed a model)',
    };
    for (const block of catalog) {
      const result = parseGraph(graph([node('n', block.type)], []));
      const paramProblems = result.ok
        ? []
        : result.problems.filter((p) => p.path.includes('.params'));
      const message = asks[block.type];
      const expected = message ? [{ path: 'nodes[0].params.path', message }] : [];
      expect(paramProblems, block.type).toEqual(expected);
    }
  });

  it('returns plain objects and fresh lists', () => {
    const raw = dataGraph();
    const a = parseGraph(raw);
    const b = parseGraph(raw);
    if (!a.ok || !b.ok) throw new Error('invalid');
    expect(Object.getPrototypeOf(a.graph.nodes[1]!.params)).toBe(Object.prototype);
    expect(a.graph.nodes[1]!.params.hidden).not.toBe(b.graph.nodes[1]!.params.hidden);
  });
});

describe('structure', () => {
  it('unknown keys, with the allowed ones', () => {
    const raw = dataGraph() as RawGraph & Record<string, unknown>;
    raw.extra = 1;
    (raw.nodes[0] as unknown as Record<string, unknown>).colour = 'red';
    (raw.edges[0]!.from as Record<string, unknown>).nod = 'x';
    expect(problemsOf(raw)).toEqual([
      { path: 'nodes[0].colour', message: 'unknown key (allowed: id, type, params, position)' },
      {
        path: 'edges[0].from.nod',
        message: 'unknown key (did you mean "node"?) (allowed: node, port)',
      },
      {
        path: 'extra',
        message:
          'unknown key (allowed: format, version, name, lesson, nodes, edges, groups, notes, sweep)',
      },
    ]);
  });

  it('missing keys and wrong types', () => {
    const raw = dataGraph() as unknown as Record<string, unknown> & RawGraph;
    delete (raw as Partial<RawGraph>).edges;
    raw.name = 3 as unknown as string;
    delete (raw.nodes[0] as Partial<RawGraph['nodes'][0]>).position;
    raw.nodes[1]!.position = { x: 'left' as unknown as number, y: 1e8 };
    raw.nodes[2]!.params = [] as unknown as Record<string, never>;
    expect(problemsOf(raw)).toEqual([
      { path: 'name', message: 'must be a string, got 3' },
      { path: 'nodes[0].position', message: 'is missing (an object)' },
      { path: 'nodes[1].position.x', message: 'must be a number, got "left"' },
      { path: 'nodes[1].position.y', message: 'must be ≤ 1e7, got 1e8' },
      { path: 'nodes[2].params', message: 'must be an object' },
      { path: 'edges', message: 'is missing (an array)' },
    ]);
  });

  it('ids: letters, digits, _ - . up to 64', () => {
    const raw = dataGraph();
    raw.nodes[5]!.id = 'my chart';
    raw.edges[4]!.to.node = 'my chart';
    raw.edges[0]!.id = '';
    expect(problemsOf(raw)).toEqual([
      {
        path: 'nodes[5].id',
        message: "must be 1 to 64 letters, digits, '_', '-' or '.', not starting with '-' or '.'",
      },
      {
        path: 'edges[0].id',
        message: "must be 1 to 64 letters, digits, '_', '-' or '.', not starting with '-' or '.'",
      },
      {
        path: 'edges[4].to.node',
        message: "must be 1 to 64 letters, digits, '_', '-' or '.', not starting with '-' or '.'",
      },
    ]);
  });

  it('reports structural and semantic problems together', () => {
    const raw = dataGraph();
    raw.nodes[0]!.position = { x: 0 } as RawGraph['nodes'][0]['position'];
    raw.nodes[2]!.params = { lr: -1 };
    raw.edges.push(edge('e6', 'ghost', 'run', 'chart', 'series'));
    expect(problemsOf(raw)).toEqual([
      { path: 'nodes[0].position.y', message: 'is missing (a number)' },
      { path: 'nodes[2].params.lr', message: 'must be > 0 and ≤ 1000, got -1' },
      { path: 'edges[5].from.node', message: 'no node with id "ghost"' },
    ]);
  });

  it('a structurally broken node is not reported again by the edges that reach it', () => {
    const raw = dataGraph();
    raw.nodes[1]!.position = null as unknown as RawGraph['nodes'][0]['position'];
    raw.nodes[4]!.type = 7 as unknown as string;
    expect(problemsOf(raw)).toEqual([
      { path: 'nodes[1].position', message: 'must be an object, got null' },
      { path: 'nodes[4].type', message: 'must be a string, got 7' },
      {
        path: 'nodes[5]',
        message: 'Chart "chart" (view.chart): the "series" input needs a wire (a series)',
      },
    ]);
  });

  it('the root must be an object', () => {
    expect(problemsOf([1, 2])).toEqual([
      { path: '', message: 'must be a JSON object (a Gradient Atlas graph), got an array' },
    ]);
    expect(problemsOf('graph')[0]!.path).toBe('');
    expect(problemsOf(null)[0]!.message).toBe(
      'must be a JSON object (a Gradient Atlas graph), got null',
    );
  });
});

describe('text', () => {
  it('not JSON: one line with line and column', () => {
    const cases: [string, string][] = [
      ['{\n  "format": ,\n}', "line 2, column 13: unexpected ','; expected a value"],
      ['{"a": 1,}', "line 1, column 9: unexpected '}'; expected a property name in double quotes"],
      ['{"a" 1}', "line 1, column 6: unexpected '1'; expected ':'"],
      ['[1 2]', "line 1, column 4: unexpected '2'; expected ',' or ']'"],
      ['{"a": [1, 2}', "line 1, column 12: unexpected '}'; expected ',' or ']'"],
      ['{"a": "b\nc"}', 'line 1, column 9: control character inside a string (escape it)'],
      ['{"a": "\\x"}', 'line 1, column 8: invalid escape \\x'],
      ['{"a": "open', 'line 1, column 7: string is never closed'],
      ['{"a": 01}', "line 1, column 8: unexpected '1'; expected ',' or '}'"],
      ['{"a": -}', 'line 1, column 7: invalid number'],
      ['{"a": tru}', "line 1, column 7: unexpected 't'; expected a value"],
      ['{} {}', "line 1, column 4: unexpected '{' after the end of the JSON value"],
      ['', 'line 1, column 1: unexpected end of text'],
      ['[[[[', 'line 1, column 5: unexpected end of text'],
    ];
    for (const [text, message] of cases) {
      expect(problemsOf(text, true), text).toEqual([
        { path: '', message: `is not valid JSON (${message})` },
      ]);
    }
  });

  it('not JSON, deeply nested: no stack overflow', () => {
    const [problem] = problemsOf('['.repeat(1_000_000), true);
    expect(problem!.message).toBe(
      'is not valid JSON (line 1, column 1000001: unexpected end of text)',
    );
  });

  it('accepts a byte-order mark', () => {
    expect(parseGraphText(`\ufeff${JSON.stringify(surfaceGraph())}`).ok).toBe(true);
  });

  it('refuses text over the size limit before parsing it', () => {
    const text = ' '.repeat(LIMITS.maxTextLength + 1);
    expect(problemsOf(text, true)).toEqual([
      { path: '', message: 'is 5.0 MiB; graph files are limited to 5.0 MiB' },
    ]);
  });

  it('refuses what is not text', () => {
    expect(problemsOf(42, true)).toEqual([{ path: '', message: 'is not text' }]);
  });
});

describe('limits against hostile files', () => {
  it('node count', () => {
    const nodes = Array.from({ length: LIMITS.maxNodes + 1 }, (_, i) => node(`n${i}`, 'metric.lr'));
    expect(problemsOf(graph(nodes, []))).toEqual([
      { path: 'nodes', message: 'must have at most 500 items, got 501' },
    ]);
  });

  it('nesting depth', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    const raw = surfaceGraph();
    (raw.nodes[0]!.params as Record<string, unknown>).fn = deep;
    const [problem] = problemsOf(raw);
    expect(problem!.message).toBe('is nested deeper than 16 levels');
    expect(problem!.path.startsWith('nodes[0].params.fn[0][0]')).toBe(true);
  });

  it('string length, and the name has its own tighter bound', () => {
    const raw = surfaceGraph();
    raw.name = 'x'.repeat(20_000);
    expect(problemsOf(raw)).toEqual([
      { path: 'name', message: 'is 20000 characters long; the limit is 10000' },
    ]);
    raw.name = 'x'.repeat(300);
    expect(problemsOf(raw)).toEqual([
      { path: 'name', message: 'must be at most 200 characters, got 300' },
    ]);
  });

  it('container size and total values', () => {
    const raw = surfaceGraph();
    (raw as Record<string, unknown>).junk = Array.from({ length: 20_000 }, () => 0);
    expect(problemsOf(raw)).toEqual([
      { path: 'junk', message: 'has 20000 items; the limit is 10000' },
    ]);
    (raw as Record<string, unknown>).junk = Array.from({ length: 30 }, () =>
      Array.from({ length: 9000 }, () => 0),
    );
    expect(problemsOf(raw)).toEqual([{ path: '', message: 'has more than 200000 values' }]);
  });

  it('caps the number of problems reported', () => {
    const nodes = Array.from({ length: 150 }, (_, i) => node(`n${i}`, 'metric.lr', { every: 0 }));
    const problems = problemsOf(graph(nodes, []));
    expect(problems).toHaveLength(LIMITS.maxProblems + 1);
    // 150 bad params, 150 metrics without a run, and one missing Train block.
    expect(problems[LIMITS.maxProblems]).toEqual({ path: '', message: '…and 201 more problems' });
  });
});

describe('format and version', () => {
  it('refuses another format', () => {
    const raw = surfaceGraph();
    raw.format = 'excalidraw';
    expect(problemsOf(raw)).toEqual([
      {
        path: 'format',
        message:
          'must be "gradient-atlas/graph", got "excalidraw": this is not a Gradient Atlas graph',
      },
    ]);
    expect(problemsOf({ name: 'package' })).toEqual([
      {
        path: 'format',
        message: 'is missing; a Gradient Atlas graph has "format": "gradient-atlas/graph"',
      },
    ]);
  });

  it('refuses a newer version clearly', () => {
    const raw = surfaceGraph();
    raw.version = 3;
    expect(problemsOf(raw)).toEqual([
      {
        path: 'version',
        message:
          'is 3, newer than this app understands (2); update Gradient Atlas to open this file',
      },
    ]);
  });

  it('version must be a whole number', () => {
    const raw = surfaceGraph() as unknown as Record<string, unknown>;
    raw.version = '1';
    expect(problemsOf(raw)).toEqual([
      { path: 'version', message: 'must be a whole number, got "1"' },
    ]);
    delete raw.version;
    expect(problemsOf(raw)).toEqual([
      { path: 'version', message: 'is missing (this app writes version 2)' },
    ]);
  });

  describe('migrations (a fake version 0 that called edges "links")', () => {
    const v0 = () => {
      const { edges, ...rest } = surfaceGraph();
      return { ...rest, version: 0, links: edges };
    };
    const migrations: MigrationTable = {
      ...MIGRATIONS,
      0: ({ links, ...rest }) => ({ ...rest, edges: links }),
    };

    it('migrates forward through the table', () => {
      const result = parseGraph(v0(), { migrations });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.graph.version).toBe(2);
      expect(result.graph.edges).toEqual(surfaceGraph().edges);
    });

    it('without a migration, says which step is missing', () => {
      expect(problemsOf(v0())).toEqual([
        {
          path: 'version',
          message: 'version 0 is not supported (no migration from version 0 to 1)',
        },
      ]);
    });

    it('a failing migration is a problem, not an exception', () => {
      const broken: MigrationTable = {
        0: () => {
          throw new Error('bad');
        },
      };
      const result = parseGraph(v0(), { migrations: broken });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems).toEqual([
        { path: 'version', message: 'migration from version 0 failed: Error: bad' },
      ]);
    });

    it('the output of a migration is validated like a file', () => {
      const sloppy: MigrationTable = { ...MIGRATIONS, 0: (doc) => ({ ...doc }) };
      expect(parseGraph(v0(), { migrations: sloppy })).toEqual({
        ok: false,
        problems: [
          { path: 'edges', message: 'is missing (an array)' },
          {
            path: 'links',
            message:
              'unknown key (allowed: format, version, name, lesson, nodes, edges, groups, notes, sweep)',
          },
        ],
      });
    });
  });
});

describe('prototype pollution', () => {
  const hostile = `{
    "format": "gradient-atlas/graph", "version": 1, "name": "x",
    "__proto__": { "polluted": 1 },
    "nodes": [
      { "id": "surface", "type": "model.surface", "position": { "x": 0, "y": 0 },
        "params": { "__proto__": { "polluted": 2 }, "constructor": { "prototype": { "polluted": 3 } } },
        "__proto__": { "polluted": 4 } },
      { "id": "c", "type": "constructor", "params": {}, "position": { "x": 0, "y": 0 } },
      { "id": "p", "type": "__proto__", "params": {}, "position": { "x": 0, "y": 0 } }
    ],
    "edges": []
  }`;

  it('keys such as __proto__ and constructor are reported, never followed', () => {
    const result = parseGraphText(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { path: 'nodes[0].__proto__', message: 'unknown key (allowed: id, type, params, position)' },
      {
        path: 'nodes[0].params.__proto__',
        message: 'unknown param of model.surface (its params: fn, start)',
      },
      {
        path: 'nodes[0].params.constructor',
        message: 'unknown param of model.surface (its params: fn, start)',
      },
      { path: 'nodes[1].type', message: 'unknown block type "constructor"' },
      { path: 'nodes[2].type', message: 'unknown block type "__proto__"' },
      {
        path: '__proto__',
        message:
          'unknown key (allowed: format, version, name, lesson, nodes, edges, groups, notes, sweep)',
      },
    ]);
  });

  it('objects built with a __proto__ own key or a null prototype are read as data', () => {
    const raw = JSON.parse(JSON.stringify(surfaceGraph())) as RawGraph;
    const params = JSON.parse('{"__proto__": {"lr": 5}}') as Record<string, never>;
    raw.nodes[1]!.params = params;
    const result = parseGraph(raw);
    expect(!result.ok && result.problems[0]!.path).toBe('nodes[1].params.__proto__');
    const bare = Object.assign(Object.create(null), surfaceGraph());
    expect(parseGraph(bare).ok).toBe(true);
  });
});

describe('never throws', () => {
  it('on values that are not JSON or that fight back', () => {
    const cyclic: Record<string, unknown> = { format: 'gradient-atlas/graph' };
    cyclic.self = cyclic;
    const throwing = Object.defineProperty({}, 'format', {
      enumerable: true,
      get() {
        throw new Error('gotcha');
      },
    });
    const nasty = Object.defineProperty({}, 'format', {
      enumerable: true,
      get() {
        throw {
          toString() {
            throw new Error('again');
          },
        };
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const inputs: unknown[] = [
      undefined,
      () => 1,
      Symbol('s'),
      10n,
      new Date(0),
      new Map(),
      cyclic,
      throwing,
      nasty,
      proxy,
      [undefined],
      { ...surfaceGraph(), name: Number.NaN },
    ];
    for (const input of inputs) {
      const result = parseGraph(input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems.length).toBeGreaterThan(0);
    }
    expect(
      !parseGraph(throwing).ok && (parseGraph(throwing) as { problems: Problem[] }).problems,
    ).toEqual([{ path: '', message: 'could not be read: Error: gotcha' }]);
    expect((parseGraph(cyclic) as { problems: Problem[] }).problems[0]!.message).toBe(
      'is nested deeper than 16 levels',
    );
  });
});
