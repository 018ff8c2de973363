/**
 * No lost work when the browser dies: an edit made 200 ms before the browser process is
 * killed (SIGKILL, no unload events) is offered back when the app starts again with the same
 * profile; edits made while the restore offer is still up are autosaved too, so a second
 * crash offers both. Screenshots: test-results/autosave-crash-*.png.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, RESULTS_DIR } from './support/browser';

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(inject('baseUrl'));
  await page.getByTestId('app-shell').waitFor({ state: 'visible', timeout: 20_000 });
  return { context, page };
}

/** SIGKILLs the browser process of this profile (only the one this test started). */
async function killBrowser(profile: string, context: BrowserContext): Promise<void> {
  let killed = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmdline.split('\0');
    if (args.includes(`--user-data-dir=${profile}`) && !args.some((a) => a.startsWith('--type='))) {
      process.kill(Number(entry), 'SIGKILL');
      killed += 1;
    }
  }
  expect(killed).toBe(1);
  await context.close().catch(() => {}); // the connection is already gone
}

async function rename(page: Page, name: string): Promise<void> {
  await page.getByLabel('Graph name').fill(name);
}

describe('autosave survives a killed browser', () => {
  const profiles: string[] = [];
  afterAll(async () => {
    for (const p of profiles) await rm(p, { recursive: true, force: true });
  });

  it('offers back an edit made 200 ms before the kill, and edits made while the offer was up', async () => {
    await mkdir(RESULTS_DIR, { recursive: true });
    const profile = await mkdtemp(join(tmpdir(), 'atlas-crash-'));
    profiles.push(profile);

    let { context, page } = await launch(profile);
    await rename(page, 'Before the first crash');
    // The scenario's interval, not a wait for state: the edit is 200 ms old when the
    // process dies, with no pagehide or beforeunload to flush it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await killBrowser(profile, context);

    ({ context, page } = await launch(profile));
    const offer = page.getByTestId('restore-offer');
    await offer.waitFor();
    expect(await offer.getByTestId('restore-item').count()).toBe(1);
    await page.screenshot({ path: join(RESULTS_DIR, 'autosave-crash-offer.png') });
    // The offer stays up; this tab autosaves its own edits meanwhile.
    await rename(page, 'While the offer was up');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await killBrowser(profile, context);

    ({ context, page } = await launch(profile));
    await page.getByTestId('restore-offer').waitFor();
    const items = page.getByTestId('restore-item');
    expect(await items.count()).toBe(2);
    await page.screenshot({ path: join(RESULTS_DIR, 'autosave-crash-two-offers.png') });
    // Newest first.
    await items.first().getByRole('button', { name: 'Restore' }).click();
    expect(await page.getByLabel('Graph name').inputValue()).toBe('While the offer was up');
    await items.first().getByRole('button', { name: 'Restore' }).click();
    expect(await page.getByLabel('Graph name').inputValue()).toBe('Before the first crash');
    await page.getByTestId('restore-offer').waitFor({ state: 'detached' });
    expect(await page.getByTestId('unsaved-mark').count()).toBe(1);
    await context.close();
  }, 240_000); // three browser starts on a loaded machine

  it('tabs keep their own autosaves: one tab going clean never clears another tab’s', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'atlas-tabs-'));
    profiles.push(profile);
    const { context, page: a } = await launch(profile);
    await rename(a, 'Work in tab A');
    const b = await context.newPage();
    b.on('dialog', (dialog) => void dialog.accept());
    await b.goto(inject('baseUrl'));
    await b.getByTestId('app-shell').waitFor();
    await rename(b, 'Work in tab B');
    await b.getByTestId('unsaved-mark').waitFor();
    // B starts a new, clean document: its own autosave goes, A's stays.
    await b.getByRole('button', { name: 'New', exact: true }).click();
    await b.getByTestId('unsaved-mark').waitFor({ state: 'detached' });
    await a.close({ runBeforeUnload: false }); // pagehide writes A's latest edit
    await b.close();

    const c = await context.newPage();
    await c.goto(inject('baseUrl'));
    const offer = c.getByTestId('restore-offer');
    await offer.waitFor();
    const items = offer.getByTestId('restore-item');
    expect(await items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('Work in tab A');
    await items.first().getByRole('button', { name: 'Restore' }).click();
    expect(await c.getByLabel('Graph name').inputValue()).toBe('Work in tab A');
    await c.screenshot({ path: join(RESULTS_DIR, 'autosave-tabs-restored.png') });
    await context.close();
  }, 240_000);
});
