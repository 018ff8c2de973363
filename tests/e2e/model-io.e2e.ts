/**
 * Models in and out of the app (web mode): export a trained run's model from the runs table
 * (two downloads: model.json and weights.bin), check it with the engine's import against the
 * run's own validation loss, then pick those files for a model.import block and train from
 * them. Screenshots: test-results/model-io-*.png.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartsTestHook } from '../../src-renderer/dashboard/testHook';
import { createDataset } from '../../src-shared/engine/datasets';
import { createModel } from '../../src-shared/engine/models';
import { type AppSession, openApp, untilOn } from './support/browser';
import { dropFile, selectBlock } from './support/editor';

const hook = (page: Page) =>
  page.evaluate(() => {
    const h = (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts;
    return { runs: h.runs(), valLoss: h.chart('valLoss'), loss: h.chart('loss') };
  });

const lastValue = (ys: (number | null)[][] | undefined) =>
  (ys?.[0] ?? []).filter((v): v is number => v !== null).at(-1);

describe('TensorFlow.js models in and out (web mode)', () => {
  let app: AppSession;
  const until: ReturnType<typeof untilOn> = (what, read, ok, ms = 60_000) =>
    untilOn(app.page)(what, read, ok, ms);
  const files: Record<string, string> = {};
  const example = JSON.parse(readFileSync('resources/examples/logistic-convex.json', 'utf8'));

  beforeAll(async () => {
    await tf.setBackend('cpu');
    app = await openApp({ width: 1600, height: 1000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exports a trained run as model.json + weights.bin that import to its validation loss', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /logistic/i }).click();
    await page.getByTestId('run-run').click();
    const done = await until(
      'the run to finish',
      () => hook(page),
      (h) => h.runs.length === 1 && h.runs[0]!.phase === 'completed',
    );
    const button = page.getByTestId('export-model');
    await button.waitFor();
    const downloads: Promise<import('playwright-core').Download>[] = [];
    page.on('download', (d) => downloads.push(Promise.resolve(d)));
    await button.click();
    await until(
      'two downloads',
      async () => downloads.length,
      (n) => n === 2,
    );
    for (const d of await Promise.all(downloads)) {
      files[d.suggestedFilename()] = (await d.path())!;
    }
    expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
    const status = page.getByRole('status').filter({ hasText: 'model at step' });
    await status.waitFor();
    const exportedStep = Number(
      /model at step (\d+)/.exec((await status.textContent()) ?? '')?.[1],
    );
    expect(exportedStep).toBeGreaterThan(0);
    await app.screenshot('model-io-exported');
    // The charts draw on animation frames, so "completed" can arrive before the last points:
    // wait for the valLoss point at the exported step itself.
    const settled = await until(
      `the valLoss chart to reach step ${exportedStep}`,
      () => hook(page),
      (h) => h.valLoss?.x.at(-1) === exportedStep,
    );

    const json = JSON.parse(await readFile(files['model.json']!, 'utf8'));
    expect(
      json.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name),
    ).toEqual(['Dense']);
    expect(json.modelTopology.config.layers[0].config.activation).toBe('sigmoid');
    const weights = new Uint8Array(await readFile(files['weights.bin']!));
    expect(weights.length).toBe(12);

    // The engine's import, on the example's validation split, gives the run's last valLoss.
    const data = example.nodes.find((n: { id: string }) => n.id === 'data');
    const dataset = createDataset(data.type, data.params);
    const model = createModel(
      'model.import',
      { path: 'model.json' },
      { task: 'classification', numFeatures: 2, numClasses: 2 },
      { readText: () => JSON.stringify(json), readBytes: () => weights },
    );
    const loss = tf.tidy(() => {
      const params = model
        .initialValues()
        .map((v, i) => tf.tensor(v, [...model.paramInfo[i]!.shape]));
      const batch = {
        x: tf.tensor2d(dataset.val.x, [dataset.val.n, 2]),
        y: tf.tensor1d(Int32Array.from(dataset.val.y), 'int32'),
      };
      return model.loss(params, batch).dataSync()[0]!;
    });
    expect(done.runs[0]!.step).toBe(exportedStep);
    const valLoss = lastValue(settled.valLoss?.ys);
    expect(valLoss).toBeDefined();
    expect(loss).toBeCloseTo(valLoss!, 4);
    expect(app.errors).toEqual([]);
  });

  it('picks those files for a model.import block and trains from them', async () => {
    const { page } = app;
    const graph = structuredClone(example);
    graph.name = 'Imported logistic';
    const linear = graph.nodes.find((n: { id: string }) => n.id === 'linear');
    linear.type = 'model.import';
    linear.params = { path: '', embedded: null };
    await dropFile(page, 'imported.json', JSON.stringify(graph));
    await page.getByText('Imported logistic').first().waitFor();
    await selectBlock(page, 'linear');
    const picked = await Promise.all(
      ['model.json', 'weights.bin'].map(async (name) => ({
        name,
        mimeType: 'application/octet-stream',
        buffer: await readFile(files[name]!),
      })),
    );
    await page.getByTestId('model-files-input').setInputFiles(picked);
    const pathField = page.locator('[data-param="path"] input.param-input').first();
    await until(
      'the path to be set',
      () => pathField.inputValue(),
      (v) => v === 'model.json',
    );
    await app.screenshot('model-io-picked');
    await page.getByTestId('run-run').click();
    const after = await until(
      'the imported run to take steps',
      () => hook(page),
      (h) => h.runs.length === 2 && h.runs[1]!.phase === 'completed',
    );
    // A zero-initialised logistic model starts at ln 2; the imported, trained one far below it.
    const key = after.runs.at(-1)!.key;
    // Without smoothing the chart draws one line per run: the raw values themselves.
    const line = after.loss!.lines.findIndex((l) => l.key === key);
    expect(line).toBeGreaterThanOrEqual(0);
    const first = after.loss!.ys[line]!.find((v): v is number => v !== null);
    expect(first).toBeLessThan(0.5 * Math.LN2);
    await app.screenshot('model-io-trained');
    expect(app.errors).toEqual([]);
  });
});
