/**
 * The start page: on first launch and after New, the examples as a gallery (thumbnail, what it
 * teaches, the lecture section); one click opens each. Audited by axe-core like every view.
 * Screenshot: test-results/start-page.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, blocking } from './support/axe';
import { type AppSession, openApp } from './support/browser';

describe('start page (web mode)', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ width: 1440, height: 900 }, '', { firstLaunch: true });
    app.page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the gallery on first launch, with no serious accessibility violation', async () => {
    const { page } = app;
    const gallery = page.getByTestId('start-page');
    await gallery.waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    const cards = gallery.locator('.start-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(6);
    for (const text of await cards.allTextContents()) expect(text).toMatch(/Lecture: \S/);
    await app.screenshot('start-page');
    const findings = await audit(page, 'start page');
    expect(blocking(findings).map((f) => f.id)).toEqual([]);
  });

  it('opens each example in one click, and New brings the gallery back', async () => {
    const { page } = app;
    const ids = await page
      .locator('.start-card')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-example') ?? ''));
    for (const id of ids) {
      await page.locator(`.start-card[data-example="${id}"]`).click();
      await expect.poll(() => page.getByTestId('document-name').textContent()).toBe(`${id}.json`);
      await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('start-page').count()).toBe(0);
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.getByTestId('start-page').waitFor();
    }
    expect(app.errors).toEqual([]);
  });
});
