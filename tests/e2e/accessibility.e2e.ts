/**
 * axe-core audits of every view a person reaches: the editor, the inspector with an optimizer
 * selected, the dashboard after a run, the landscape viewer, and the start page. Serious and
 * critical violations fail the test; the rest are printed so they stay visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, blocking, type Finding } from './support/axe';
import { type AppSession, openApp, untilOn } from './support/browser';
import { runsEnded } from './support/runs';

describe('accessibility (axe-core)', () => {
  let app: AppSession;
  const until: ReturnType<typeof untilOn> = (what, read, ok, ms = 60_000) =>
    untilOn(app.page)(what, read, ok, ms);
  const totals: Record<string, Finding[]> = {};

  beforeAll(async () => {
    app = await openApp({ width: 1440, height: 900 }, '?maxSteps=60&landscapeGrid=21');
    app.page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    const all = Object.entries(totals).flatMap(([view, f]) => f.map((x) => ({ view, ...x })));
    console.log(
      `axe summary: ${all.length} violations, ${blocking(all).length} serious/critical, over ${Object.keys(totals).join(', ')}`,
    );
    await app?.close();
  });

  it('the editor', async () => {
    const { page } = app;
    await page.locator('.react-flow__node').first().waitFor();
    totals.editor = await audit(page, 'editor');
    expect(blocking(totals.editor)).toEqual([]);
  });

  it('keyboard: the first Tab reaches "Skip to canvas"; help is a modal dialog with the run keys', async () => {
    const { page } = app;
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    expect(await first.textContent()).toBe('Skip to canvas');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('#graph-canvas')))
      .toBe(true);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const keys = await help.locator('kbd').allTextContents();
    for (const key of ['F5', 'F6', 'F10', 'Shift+F5']) expect(keys).toContain(key);
    totals.help = await audit(page, 'help');
    expect(blocking(totals.help)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('the inspector with an optimizer selected', async () => {
    const { page } = app;
    await page
      .locator(
        '.react-flow__node[data-block-type^="optimizer."] .block-title, .react-flow__node:has([data-block-type^="optimizer."]) .block-title',
      )
      .first()
      .click();
    await page.getByTestId('inspector-node').waitFor();
    totals.inspector = await audit(page, 'inspector');
    expect(blocking(totals.inspector)).toEqual([]);
  });

  it('the dashboard after a run', async () => {
    const { page } = app;
    await page.getByTestId('run-run').click();
    await runsEnded(page);
    totals.dashboard = await audit(page, 'dashboard');
    expect(blocking(totals.dashboard)).toEqual([]);
  });

  it('the landscape view', async () => {
    const { page } = app;
    await page.getByTestId('landscape-toggle').click();
    await until(
      'the landscape',
      () => page.evaluate('window.__atlasLandscape ? window.__atlasLandscape.lastStep() : 0'),
      (v) => Number(v) > 0,
    );
    totals.landscape = await audit(page, 'landscape');
    expect(blocking(totals.landscape)).toEqual([]);
  });
});
