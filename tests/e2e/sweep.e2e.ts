/**
 * Sweeps in the app (web mode): a graph with a sweep shows its panel on the canvas; Run
 * sweep streams trials from a pool of Web Workers into the table and heatmap; "Apply best"
 * writes the best values into the graph in one undoable step; "Sweep this param" in the
 * inspector adds an axis.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, openApp } from './support/browser';
import { dropFile, selectBlock } from './support/editor';

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/sweep-lr-momentum.json');

describe('sweeps in the app', () => {
  let app: AppSession;
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
    // Sort by final loss: the first row is the best (bold) one.
    await panel.locator('th', { hasText: 'final loss' }).click();
    const first = panel.locator('.sweep-table tbody tr').first();
    expect(await first.getAttribute('class')).toContain('best');
    const bestLr = await first.locator('td').nth(1).textContent();
    const bestTrial = await first.locator('td').first().textContent();
    // Clicking a trial opens its curves in the dashboard.
    await first.click();
    await page.locator('.dock-count', { hasText: '1' }).waitFor();
    const toggle = page.locator('.dock-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.locator('.run-name', { hasText: `trial ${bestTrial}` }).waitFor();
    await app.screenshot('sweep-lr-momentum-heatmap');

    await selectBlock(page, 'sgd');
    const lrField = page.locator('[data-param="lr"] input.param-input').first();
    expect(await lrField.inputValue()).toBe('0.02');
    await panel.getByRole('button', { name: 'Apply best' }).click();
    expect(Number(await lrField.inputValue())).toBeCloseTo(Number(bestLr), 2);
    await page.keyboard.press('Control+z');
    expect(await lrField.inputValue()).toBe('0.02');
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
});
