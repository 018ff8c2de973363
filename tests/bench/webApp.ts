/** The built web mode in headless Chromium, for the browser benchmarks. */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from '../../scripts/serveStatic.mjs';

const WEB_ROOT = resolve(import.meta.dirname, '../../out/web');

export async function openWebApp(): Promise<{ page: Page; close: () => Promise<void> }> {
  if (!(await stat(join(WEB_ROOT, 'index.html')).catch(() => null))) {
    throw new Error('out/web is missing: run "npm run build:web" before this benchmark');
  }
  const { server, url } = await serveStatic(WEB_ROOT, 0);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx compiles with keepNames: functions sent to the page call its __name helper.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.goto(url);
  await page.getByTestId('app-shell').waitFor({ timeout: 20_000 });
  return {
    page,
    close: async () => {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
