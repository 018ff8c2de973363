/** `atlas validate`: summary and exit 0, or one `<json path>: <message>` line per problem. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { memoryIo } from './memoryIo';

const ROOT = join(__dirname, '../../..');
const example = (name: string) => join(ROOT, 'resources/examples', `${name}.json`);
const fixture = (name: string) => join(ROOT, 'tests/fixtures/graphs', name);
const scratch = mkdtempSync(join(tmpdir(), 'atlas-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function validate(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(['validate', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('atlas validate', () => {
  it('a valid graph: exit 0 and a one-line summary', async () => {
    const path = example('rosenbrock-race');
    expect(await validate(path)).toEqual({
      code: 0,
      out: `${path}: valid · "Optimizer race on Rosenbrock" · 21 nodes, 30 edges, 6 runs\n`,
      err: '',
    });
  });

  it('every example validates', async () => {
    for (const name of [
      'quickstart',
      'rosenbrock-race',
      'saddle-escape',
      'logistic-convex',
      'lr-too-big',
      'skip-connections',
    ]) {
      expect((await validate(example(name))).code, name).toBe(0);
    }
  });

  it('an invalid graph: exit 2, every problem on its own stderr line', async () => {
    const result = await validate(fixture('many-problems.json'));
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.split('\n')).toEqual([
      'nodes[0].params.colour: Spiral "data" (dataset.spiral): "colour" is not one of its params (its params: samples, noise, classes, valSplit, seed)',
      'nodes[0].params.samples: Spiral "data" (dataset.spiral): "samples" must be an integer between 10 and 100000, got 1e9',
      'nodes[1].params.hidden[1]: MLP "mlp" (model.mlp): "hidden[1]" must be an integer between 1 and 4096, got 1e9',
      'nodes[1].params.activation: MLP "mlp" (model.mlp): "activation" must be one of "relu", "tanh", "sigmoid" or "gelu", got "elu"',
      'nodes[2].type: Block "adam" (optimizer.adm): unknown block type "optimizer.adm" (did you mean "optimizer.adam"?)',
      'nodes[3].params.lr: SGD "sgd" (optimizer.sgd): "lr" must be > 0 and ≤ 1000, got -1',
      'nodes[4].params.epochs: Train "train" (train): "epochs" must be an integer between 1 and 100000, got 1.5',
      'nodes[4]: Train "train" (train): the "model" input needs a wire (a model)',
      'nodes[5].id: Train "train" (train): id: duplicate id "train" (first used by nodes[4])',
      'nodes[6].position: Loss "loss" (metric.loss): position: must be an object, got "here"',
      'nodes[6]: Loss "loss" (metric.loss): the "run" input needs a wire (a run)',
      'edges[1]: port types differ: MLP "mlp" (model.mlp) output "model" gives a model, Train "train" (train) input "optimizer" takes an optimizer',
      'edges[3].from.node: no node with id "ghost"',
      'edges[4].id: duplicate id "e4" (first used by edges[3])',
      'edges[4].from.port: "dataset" is an input of Train "train" (train); an edge starts at an output (its outputs: "run")',
      'edges[4].to.port: Loss "loss" (metric.loss) has no input "runs" (did you mean "run"?)',
      'extra: unknown key (allowed: format, version, name, lesson, nodes, edges, groups, notes, sweep)',
      '',
    ]);
  });

  it('a newer version is refused in one line', async () => {
    expect(await validate(fixture('newer-version.json'))).toEqual({
      code: 2,
      out: '',
      err: 'version: is 7, newer than this app understands (2); update Gradient Atlas to open this file\n',
    });
  });

  it('not JSON: the file, line and column', async () => {
    const path = fixture('not-json.json');
    expect((await validate(path)).err).toBe(
      `${path}: is not valid JSON (line 6, column 1: unexpected end of text)\n`,
    );
  });

  it('a missing file, a directory, a huge file, binary junk: one clear line each, exit 2', async () => {
    const missing = join(scratch, 'nope.json');
    expect(await validate(missing)).toEqual({
      code: 2,
      out: '',
      err: `${missing}: no such file\n`,
    });
    expect((await validate(scratch)).err).toBe(`${scratch}: is a directory, not a graph file\n`);
    const huge = join(scratch, 'huge.json');
    writeFileSync(huge, Buffer.alloc(6 * 1024 * 1024, 0x20));
    expect((await validate(huge)).err).toBe(
      `${huge}: is 6.0 MiB; graph files are limited to 5.0 MiB\n`,
    );
    const binary = join(scratch, 'binary.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect((await validate(binary)).err).toBe(`${binary}: is not UTF-8 text\n`);
  });

  it('bad arguments print the usage, exit 2', async () => {
    for (const args of [[], ['a.json', 'b.json'], ['--strict']]) {
      expect(await validate(...args)).toEqual({
        code: 2,
        out: '',
        err: 'usage: atlas validate <graph.json>\n',
      });
    }
  });

  it('the real entry point works through tsx, with exit codes and no stack trace', () => {
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const entry = join(ROOT, 'src-main/cli/atlas.ts');
    const good = spawnSync(tsx, [entry, 'validate', example('quickstart')], { encoding: 'utf8' });
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/valid · "Quickstart/);
    const bad = spawnSync(tsx, [entry, 'validate', fixture('many-problems.json')], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(17);
    expect(bad.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
