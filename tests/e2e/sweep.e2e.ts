/**
 * Sweeps in the app (web mode): a graph with a sweep shows its panel on the canvas; Run
 * sweep streams trials from a pool of Web Workers into the table and heatmap; clicking a trial
 * (row or cell) runs it in the engine, so its curves and its landscape path show; "Apply best"
 * writes the best values into the graph in one undoable step; "Sweep this param" in the
 * inspector adds an axis.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, blocking } from './support/axe';
import { type AppSession, openApp, untilOn } from './support/browser';
import { dropFile, nodeLocator, selectBlock } from './support/editor';

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/sweep-lr-momentum.json');

interface ChartsHook {
  runs(): { name: string; phase: string; step: number }[];
  chart(
    metric: string,
  ): { lines: { name: string; raw: boolean }[]; ys: (number | null)[][] } | null;
}

describe('sweeps in the app', () => {
  let app: AppSession;
  const until = <T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean) =>
    untilOn(app.page)(what, read, ok, 120_000);
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs the lr × momentum sweep into a table and a heatmap, applies the best, undoes it', async () => {
    const { page } = app;
    await page.locator('.react-flow__edge').first().waitFor();
    await dropFile(page, 'sweep-lr-momentum.json', readFileSync(EXAMPLE, 'utf8'));
    const panel = page.getByTestId('sweep-panel');
    await panel.waitFor();
    expect(await panel.locator('.sweep-badge').textContent()).toBe('30 trials');
    await panel.getByRole('button', { name: 'Run sweep' }).click();
    await page
      .getByTestId('sweep-status')
      .filter({ hasText: '30/30 trials' })
      .waitFor({ timeout: 240_000 });
    expect(await panel.locator('.sweep-table tbody tr').count()).toBe(30);
    expect(await panel.locator('.sweep-chart rect[data-trial]').count()).toBe(30);
    // A new panel is audited like every view: no serious or critical violation.
    expect(blocking(await audit(page, 'sweep panel')).map((f) => f.id)).toEqual([]);
    // Sort by final loss: the first row is the best (bold) one.
    await panel.locator('th', { hasText: 'final loss' }).click();
    const first = panel.locator('.sweep-table tbody tr').first();
    expect(await first.getAttribute('class')).toContain('best');
    const bestLr = await first.locator('td').nth(1).textContent();
    const bestMomentum = await first.locator('td').nth(2).textContent();
    const bestTrial = await first.locator('td').first().textContent();
    // Clicking a trial runs it in the engine: its curves in the dashboard, its path on the
    // landscape; first a table row, then a heatmap cell.
    await first.click();
    await page
      .getByTestId('sweep-opened')
      .filter({ hasText: `trial ${bestTrial} ` })
      .waitFor();
    const trialDone = (name: string) =>
      until(
        `${name} to finish in the engine`,
        () =>
          page.evaluate(
            (n) =>
              (globalThis as unknown as { __atlasCharts: ChartsHook }).__atlasCharts
                .runs()
                .find((r) => r.name === n) ?? null,
            name,
          ),
        (r) => r !== null && r.phase === 'completed',
      );
    const bestRun = await trialDone(`trial ${bestTrial}`);
    // Only now: the dashboard opens by itself when the run starts, and a click on its toggle
    // racing that would close it again.
    const toggle = page.locator('.dock-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.locator('.run-name', { hasText: `trial ${bestTrial}` }).waitFor();
    expect(bestRun!.step).toBe(150);
    const lossLine = await until(
      'the loss chart to draw the trial',
      () =>
        page.evaluate((n) => {
          const chart = (
            globalThis as unknown as { __atlasCharts: ChartsHook }
          ).__atlasCharts.chart('loss');
          const i = chart?.lines.findIndex((l) => l.name === n && l.raw) ?? -1;
          return i < 0 ? null : chart!.ys[i]!.filter((v) => v !== null).length;
        }, `trial ${bestTrial}`),
      (points) => points !== null && points >= 150,
    );
    expect(lossLine).toBeGreaterThanOrEqual(150);
    await app.screenshot('sweep-lr-momentum-heatmap');

    // The landscape draws the trial's path, named after it.
    await page.getByTestId('landscape-toggle').click();
    const drawn = await until(
      "the trial's path on the landscape",
      () =>
        page.evaluate(() => {
          const hook = (
            globalThis as unknown as {
              __atlasLandscape?: { drawn(): { runs: string[]; surface: boolean } };
            }
          ).__atlasLandscape;
          return hook ? hook.drawn() : null;
        }),
      (d) => Boolean(d?.surface && d.runs.includes('train')),
    );
    expect(drawn!.runs).toEqual(['train']);
    await page.locator('.lv-runs label', { hasText: `trial ${bestTrial}` }).waitFor();
    await app.screenshot('sweep-trial-on-landscape');
    await page.getByTestId('landscape-toggle').click(); // back to the graph

    // A heatmap cell opens its trial the same way.
    const cell = panel
      .locator(`.sweep-chart rect[data-trial]:not([data-trial="${bestTrial}"])`)
      .first();
    const cellTrial = await cell.getAttribute('data-trial');
    await cell.click();
    await trialDone(`trial ${cellTrial}`);
    await page.locator('.run-name', { hasText: `trial ${cellTrial}` }).waitFor();
    await page.getByTestId('landscape-toggle').click();
    await page.locator('.lv-runs label', { hasText: `trial ${cellTrial}` }).waitFor();
    await app.screenshot('sweep-heatmap-cell-on-landscape');
    await page.getByTestId('landscape-toggle').click();

    await selectBlock(page, 'sgd');
    const lrField = page.locator('[data-param="lr"] input.param-input').first();
    expect(await lrField.inputValue()).toBe('0.02');
    const momentumField = page.locator('[data-param="momentum"] input.param-input').first();
    expect(await momentumField.inputValue()).toBe('0.5');
    await panel.getByRole('button', { name: 'Apply best' }).click();
    expect(Number(await lrField.inputValue())).toBeCloseTo(Number(bestLr), 2);
    expect(Number(await momentumField.inputValue())).toBeCloseTo(Number(bestMomentum), 2);
    // One step: a single undo restores both values.
    await page.keyboard.press('Control+z');
    expect(await lrField.inputValue()).toBe('0.02');
    expect(await momentumField.inputValue()).toBe('0.5');

    // The results as files: CSV (a row per trial) and JSON (the best trial named).
    const csvDownload = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'CSV' }).click();
    const csv = readFileSync(await (await csvDownload).path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe(
      'trial,sgd.lr,sgd.momentum,status,steps,finalLoss,bestLoss,valLoss,valAccuracy,timeMs,reason',
    );
    expect(csv).toHaveLength(31);
    const jsonDownload = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'JSON' }).click();
    const results = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as {
      format: string;
      trials: unknown[];
      best: { trial: number };
    };
    expect(results.format).toBe('gradient-atlas/sweep-results');
    expect(results.trials).toHaveLength(30);
    expect(results.best.trial).toBe(Number(bestTrial));
  });

  it('the panel grows to read its results, and hides to uncover the graph it lies over', async () => {
    const { page } = app;
    const panel = page.getByTestId('sweep-panel');
    const box = async () => (await panel.boundingBox())!;
    const before = await box();
    const larger = panel.getByRole('button', { name: 'Larger' });
    await larger.click();
    expect(await larger.getAttribute('aria-pressed')).toBe('true');
    const large = await box();
    expect(large.width).toBeGreaterThan(before.width + 100);
    expect(large.height).toBeGreaterThan(before.height);
    // The heatmap stays short enough to sit in the panel beside the settings, and the panel's
    // header stays below the canvas toolbar.
    expect((await panel.locator('.sweep-chart').boundingBox())!.height).toBeLessThanOrEqual(221);
    const toolbar = (await page.locator('.canvas-toolbar').boundingBox())!;
    expect(large.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
    await app.screenshot('sweep-panel-larger');

    // Hidden, the panel is one line with the run's status, and the SGD block under it shows.
    const sgd = (await nodeLocator(page, 'sgd').boundingBox())!;
    const probe = { x: sgd.x + 6, y: sgd.y + sgd.height / 2 };
    const hit = () =>
      page.evaluate(
        ({ x, y }) =>
          document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id') ??
          null,
        probe,
      );
    await panel.getByRole('button', { name: 'Hide' }).click();
    expect(await panel.getByRole('button', { name: 'Run sweep' }).count()).toBe(0);
    expect(await panel.locator('header .sweep-status').textContent()).toContain('30/30 trials');
    expect((await box()).height).toBeLessThan(48);
    expect(await hit()).toBe('sgd');
    await app.screenshot('sweep-panel-hidden');

    // Shown again, with its results, their order (by final loss: the best first) and its
    // larger size as they were.
    const show = panel.getByRole('button', { name: 'Show' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    expect(await panel.locator('.sweep-table tbody tr').count()).toBe(30);
    expect(await panel.locator('.sweep-table tbody tr').first().getAttribute('class')).toContain(
      'best',
    );
    expect((await box()).width).toBeCloseTo(large.width, 0);
    await larger.click();
    expect((await box()).width).toBeCloseTo(before.width, 0);
  });

  it('"Sweep this param" adds an axis, shown on the canvas and undoable', async () => {
    const { page } = app;
    await selectBlock(page, 'sgd');
    const button = page.locator('[data-param="weightDecay"] .param-sweep');
    await button.click();
    const panel = page.getByTestId('sweep-panel');
    await panel.locator('code', { hasText: 'sgd.weightDecay' }).waitFor();
    expect(await button.textContent()).toBe('Swept');
    expect(await page.locator('[data-param="lr"] .param-sweep').textContent()).toBe('Swept');
    await app.screenshot('sweep-this-param');
    await panel.getByRole('button', { name: 'Remove axis sgd.weightDecay' }).click();
    expect(await panel.locator('code', { hasText: 'sgd.weightDecay' }).count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('method, trials, seed and the median rule are edited in the panel, checked, undoable', async () => {
    const { page } = app;
    const panel = page.getByTestId('sweep-panel');
    const badge = panel.locator('.sweep-badge');
    const trials = panel.getByLabel('trials');
    await trials.fill('ten');
    await trials.press('Enter');
    expect(await panel.getByTestId('sweep-settings-error').textContent()).toBe(
      'trials: "ten" is not a number',
    );
    expect(await trials.getAttribute('aria-invalid')).toBe('true');
    expect(await badge.textContent()).toBe('30 trials');
    await trials.fill('6');
    await trials.press('Enter');
    await badge.filter({ hasText: '6 trials' }).waitFor();
    expect(await panel.getByTestId('sweep-settings-error').count()).toBe(0);
    // The first test's results are kept, but said to be from other settings.
    const status = page.getByTestId('sweep-status');
    await status.filter({ hasText: 'from earlier settings' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Apply best' }).isDisabled()).toBe(true);

    await panel.getByLabel('method').selectOption('random');
    expect(await badge.textContent()).toBe('6 trials');
    await panel.getByLabel('median stop').check();
    const step = panel.getByLabel('at step');
    expect(await step.inputValue()).toBe('20');
    await step.fill('40');
    await step.press('Tab');
    await untilOn(page)(
      'the rule at step 40',
      () => step.inputValue(),
      (v) => v === '40',
    );
    await app.screenshot('sweep-settings');

    // Each change is one undo step: rule step, rule on, method, trials.
    await panel.locator('h2').click();
    for (const expected of ['20', '', 'grid', '30 trials']) {
      await page.keyboard.press('Control+z');
      if (expected === '30 trials') await badge.filter({ hasText: expected }).waitFor();
      else if (expected === 'grid')
        await untilOn(page)(
          'method grid',
          () => panel.getByLabel('method').inputValue(),
          (v) => v === 'grid',
        );
      else
        await untilOn(page)(
          `at step '${expected}'`,
          () => step.inputValue(),
          (v) => v === expected,
        );
    }
    expect(await step.isDisabled()).toBe(true);
    // Back to the settings the results were run with: current again.
    expect(await status.textContent()).not.toContain('from earlier settings');
    expect(await panel.getByRole('button', { name: 'Apply best' }).isEnabled()).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
