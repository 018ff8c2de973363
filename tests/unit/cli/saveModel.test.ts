/**
 * `atlas run --save-model DIR`: the trained model in the tfjs Layers format; re-imported
 * (model.import, path beside the graph) it starts where the run ended, with the same loss.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { createDataset } from '../../../src-shared/engine/datasets';
import { createModel } from '../../../src-shared/engine/models';
import { RunEventSchema } from '../../../src-shared/protocol/events';
import { memoryIo } from './memoryIo';

const example = 'resources/examples/logistic-convex.json';

describe('atlas run --save-model', () => {
  it('writes model.json + weights.bin that re-import to the final parameters and loss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-save-'));
    const io = memoryIo();
    const args = ['run', example, '--steps', '15', '--trace', 'params', '--backend', 'cpu'];
    const code = await runCli([...args, '--save-model', join(dir, 'out')], io);
    expect(code).toBe(0);
    expect(io.err()).toContain(`model saved: ${join(dir, 'out', 'model.json')}`);
    const events = io
      .out()
      .trim()
      .split('\n')
      .map((line) => RunEventSchema.parse(JSON.parse(line)));
    const done = events.find((e) => e.type === 'done');
    const final = done?.type === 'done' ? done.params : undefined;
    expect(final).toHaveLength(3);

    // A graph beside the saved model imports it by a relative path.
    const graph = JSON.parse(readFileSync(example, 'utf8'));
    const linear = graph.nodes.find((n: { id: string }) => n.id === 'linear');
    linear.type = 'model.import';
    linear.params = { path: 'out/model.json', embedded: null };
    writeFileSync(join(dir, 'imported.json'), JSON.stringify(graph));
    const again = memoryIo();
    expect(
      await runCli(
        [
          'run',
          join(dir, 'imported.json'),
          '--steps',
          '1',
          '--trace',
          'params',
          '--backend',
          'cpu',
        ],
        again,
      ),
    ).toBe(0);
    const first = again
      .out()
      .trim()
      .split('\n')
      .map((line) => RunEventSchema.parse(JSON.parse(line)))
      .find((e) => e.type === 'step');
    expect(first?.type === 'step' && first.params).toEqual(final);

    // Same loss on the same data: the original model at the final θ and the imported one.
    const data = graph.nodes.find((n: { id: string }) => n.id === 'data');
    const dataset = createDataset(data.type, data.params);
    const shape = { task: dataset.task, numFeatures: 2, numClasses: 2 };
    const original = createModel('model.linear', { init: 'zeros', output: 'sigmoid' }, shape);
    const imported = createModel('model.import', { path: 'model.json' }, shape, {
      readText: (p) => readFileSync(join(dir, 'out', p), 'utf8'),
      readBytes: (p) => new Uint8Array(readFileSync(join(dir, 'out', p))),
    });
    const batch = {
      x: tf.tensor2d(dataset.val.x, [dataset.val.n, 2]),
      y: tf.tensor1d(Int32Array.from(dataset.val.y), 'int32'),
    };
    const lossOf = (model: typeof original, flat: readonly number[]) =>
      tf.tidy(() => {
        const params = [tf.tensor2d(flat.slice(0, 2), [2, 1]), tf.tensor1d(flat.slice(2))];
        return model.loss(params, batch).dataSync()[0];
      });
    const start = imported.initialValues().flatMap((v) => Array.from(v));
    expect(lossOf(imported, start)).toBe(lossOf(original, final as number[]));
    tf.dispose([batch.x, batch.y]);
  });

  it('refuses a DIR that cannot be created before training, one line, exit 2', async () => {
    // A folder under a plain file: refused even for root, who may write anywhere else.
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-save-')), 'plain');
    writeFileSync(file, 'x');
    const io = memoryIo();
    const code = await runCli(['run', example, '--save-model', join(file, 'models')], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(
      /^atlas: --save-model .*plain\/models: cannot be written \(ENOTDIR\)\n$/,
    );
    expect(io.out()).toBe('');
  });

  it('refuses a model that has no Sequential form, before training', async () => {
    const io = memoryIo();
    const code = await runCli(
      ['run', 'resources/examples/skip-connections.json', '--save-model', tmpdir()],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toMatch(
      /--save-model: run '.*' cannot be saved: model.mlp has no Sequential form/,
    );
    expect(io.out()).toBe('');
  });
});
