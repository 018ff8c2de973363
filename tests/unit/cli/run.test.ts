import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { RunEventSchema } from '../../../src-shared/protocol/events';
import { memoryIo } from './memoryIo';

const ndjson = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => RunEventSchema.parse(JSON.parse(line)));

describe('atlas run', () => {
  it('streams start, step and done events as NDJSON with params traced, exit 0', async () => {
    const io = memoryIo();
    const code = await runCli(
      [
        'run',
        'resources/examples/rosenbrock-race.json',
        '--steps',
        '3',
        '--events',
        '-',
        '--trace',
        'params',
        '--backend',
        'cpu',
      ],
      io,
    );
    expect(code).toBe(0);
    const events = ndjson(io.out());
    const starts = events.filter((e) => e.type === 'start');
    expect(starts.length).toBe(6);
    expect(starts[0]).toMatchObject({ backend: 'cpu', parameters: 2, totalSteps: 3 });
    const adam = events.filter((e) => e.type === 'step' && e.run === 'adam');
    expect(adam.map((e) => e.type === 'step' && e.step)).toEqual([0, 1, 2]);
    // θ_0 is the shared start; the loss is Rosenbrock there: (1+1.5)² + 100(2−2.25)² = 12.5
    const first = adam[0]!;
    expect(first.type === 'step' && first.params).toEqual([-1.5, 2]);
    expect(first.type === 'step' && first.loss).toBeCloseTo(12.5, 4);
    const done = events.filter((e) => e.type === 'done');
    expect(done.map((e) => e.type === 'done' && e.status)).toEqual(Array(6).fill('completed'));
    expect(io.err()).toMatch(/backend cpu/);
  });

  it('exits 3 and says where when a run diverges, writing events to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-run-'));
    const file = join(dir, 'events.ndjson');
    const io = memoryIo();
    expect(
      await runCli(
        ['run', 'resources/examples/lr-too-big.json', '--events', file, '--backend', 'cpu'],
        io,
      ),
    ).toBe(3);
    expect(io.err()).toMatch(/diverged at step \d+/);
    const done = ndjson(readFileSync(file, 'utf8')).filter((e) => e.type === 'done');
    expect(done.some((e) => e.type === 'done' && e.status === 'diverged')).toBe(true);
  });

  it('refuses bad options and invalid graphs with exit 2 and one line each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-run-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'gradient-atlas/graph',
        version: 1,
        name: 'x',
        nodes: [{ id: 'a', type: 'optimizer.adam', params: { lr: -1 }, position: { x: 0, y: 0 } }],
        edges: [],
      }),
    );
    const cases: [string[], RegExp][] = [
      [['run'], /^atlas: usage: atlas run/],
      [['run', bad, '--steps', '0'], /--steps must be an integer from 1/],
      [['run', bad, '--trace', 'grads'], /--trace takes 'params'/],
      [['run', bad, '--wat', '1'], /unknown option --wat/],
      [['run', bad], /^nodes\[0\]\.params\.lr: /m],
    ];
    for (const [args, pattern] of cases) {
      const io = memoryIo();
      expect(await runCli(args, io)).toBe(2);
      expect(io.err()).toMatch(pattern);
      expect(io.err()).not.toMatch(/\n\s+at /); // never a stack trace
    }
  });
});

describe('atlas run, when things go wrong', () => {
  it('writes events to stdout by default', async () => {
    const io = memoryIo();
    expect(
      await runCli(
        ['run', 'resources/examples/saddle-escape.json', '--steps', '2', '--backend', 'cpu'],
        io,
      ),
    ).toBe(0);
    expect(ndjson(io.out()).filter((e) => e.type === 'done')).toHaveLength(3);
  });

  it('refuses an events file it cannot write before training, in one line', async () => {
    const io = memoryIo();
    expect(
      await runCli(
        ['run', 'resources/examples/saddle-escape.json', '--events', '/nonexistent/dir/x.ndjson'],
        io,
      ),
    ).toBe(2);
    expect(io.err()).toBe(
      'atlas: --events /nonexistent/dir/x.ndjson: no such folder /nonexistent/dir\n',
    );
    expect(io.err()).not.toMatch(/training/);
  });

  it('reports a step that fails mid-run in one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-run-'));
    const file = join(dir, 'singular.json');
    const graph = JSON.parse(readFileSync('resources/examples/saddle-escape.json', 'utf8'));
    const surface = graph.nodes.find((n: { type: string }) => n.type === 'model.surface');
    surface.params = { fn: 'monkeySaddle', start: [0, 0] }; // Hessian 0 at the origin
    const opt = graph.nodes.find((n: { type: string }) => n.type.startsWith('optimizer.'));
    opt.type = 'optimizer.newton';
    opt.params = { lr: 1, damping: 0 };
    writeFileSync(file, JSON.stringify(graph));
    const io = memoryIo();
    expect(
      await runCli(['run', file, '--backend', 'cpu', '--events', join(dir, 'e.ndjson')], io),
    ).toBe(2);
    expect(io.err()).toMatch(/^atlas: the run failed: .*singular/m);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('refuses Newton on a model too large for a full Hessian, naming the block', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-run-'));
    const file = join(dir, 'newton.json');
    const graph = JSON.parse(readFileSync('resources/examples/quickstart.json', 'utf8'));
    const opt = graph.nodes.find((n: { type: string }) => n.type === 'optimizer.adam');
    opt.type = 'optimizer.newton';
    opt.params = {};
    graph.nodes.find((n: { type: string }) => n.type === 'model.mlp').params.hidden = [64, 64];
    graph.edges = graph.edges.filter((e: { to: { node: string } }) => e.to.node !== opt.id);
    writeFileSync(file, JSON.stringify(graph));
    const io = memoryIo();
    expect(await runCli(['run', file, '--backend', 'cpu'], io)).toBe(2);
    expect(io.err()).toMatch(
      /^nodes\[\d+\]: Newton's method builds the full Hessian, so it is limited to 2000 parameters; model 'mlp' has \d+/m,
    );
  });
});

describe('atlas landscape', () => {
  it('refuses an output folder that does not exist before training', async () => {
    const io = memoryIo();
    expect(
      await runCli(
        ['landscape', 'resources/examples/saddle-escape.json', '--out', '/nonexistent/dir/s.json'],
        io,
      ),
    ).toBe(2);
    expect(io.err()).toBe(
      'atlas: --out /nonexistent/dir/s.json: no such folder /nonexistent/dir\n',
    );
  });

  it('trains the runs and writes a surface with its axes, grid and one path per run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-landscape-'));
    const out = join(dir, 'surface.json');
    const io = memoryIo();
    const code = await runCli(
      [
        'landscape',
        'resources/examples/saddle-escape.json',
        '--out',
        out,
        '--grid',
        '11',
        '--backend',
        'cpu',
      ],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.format).toBe('gradient-atlas/landscape');
    expect(result.grid).toBe(11);
    expect(result.axes.map((a: { name: string }) => a.name)).toEqual(['x', 'y']);
    expect(result.loss).toHaveLength(121);
    expect(result.paths.map((p: { run: string }) => p.run).sort()).toEqual([
      'adam',
      'gd',
      'momentum',
    ]);
    // an analytic surface is exact: the saddle x² − y² at every grid point
    const [xs, ys] = result.axes.map((a: { values: number[] }) => a.values);
    expect(result.loss[3 * 11 + 7]).toBeCloseTo(xs[7] ** 2 - ys[3] ** 2, 4);
  });
});
