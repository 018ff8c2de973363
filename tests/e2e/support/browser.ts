/**
 * Launches Debian's Chromium through playwright-core for one test file, with a fresh profile,
 * and records every console error and uncaught page error so a test can fail on any of them.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { until } from '../../support/until';

export const RESULTS_DIR = resolve(import.meta.dirname, '../../../test-results');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface AppSession {
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  errors: string[];
  /** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Opens a fresh tab on the app (same profile, so localStorage carries over). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    errors.push(`console: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
}

/** Starts Chromium on the served web app and waits until the shell has rendered. */
/**
 * `firstLaunch`: open as a first-time user would (the start page); otherwise the start page
 * counts as seen and the app opens the quickstart, as every later launch does.
 */
export async function openApp(
  viewport = { width: 1440, height: 900 },
  query = '',
  options: { firstLaunch?: boolean; extraArgs?: readonly string[] } = {},
): Promise<AppSession> {
  const baseUrl = inject('baseUrl');
  const profile = await mkdtemp(join(tmpdir(), 'atlas-e2e-'));
  await mkdir(RESULTS_DIR, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    headless: true,
    viewport,
    acceptDownloads: true,
  });
  // Actions and screenshots wait for the page; on a loaded machine a frame can take seconds.
  // This bounds a hang, it is not a speed requirement.
  context.setDefaultTimeout(90_000);
  if (!options.firstLaunch) {
    await context.addInitScript(() => {
      localStorage.setItem('gradient-atlas:start-page-seen', '1');
    });
  }
  const errors: string[] = [];
  let page = context.pages()[0] ?? (await context.newPage());
  watchErrors(page, errors);
  const url = `${baseUrl}${query}`;
  const load = async (): Promise<void> => {
    await page.goto(url);
    await page.getByTestId('app-shell').waitFor({ state: 'visible', timeout: 50_000 });
  };
  await load();
  return {
    get page() {
      return page;
    },
    errors,
    async screenshot(name) {
      const path = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async reload() {
      await page.close();
      page = await context.newPage();
      watchErrors(page, errors);
      await load();
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Resolves on the page's next animation frame: the pace at which its views change. */
export function nextFrame(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())),
  );
}

/**
 * The shared `until` (tests/support/until.ts), polling once per animation frame of `page`:
 * the app's state reaches its views per frame, so a faster poll would only load the machine.
 */
export function untilOn(page: Page) {
  return <T>(
    what: string,
    read: () => T | Promise<T>,
    ok: (value: T) => boolean = Boolean,
    limitMs?: number,
  ): Promise<T> => until(what, read, ok, { pace: () => nextFrame(page), limitMs });
}
