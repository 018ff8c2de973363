/**
 * A self-healing engine in web mode: the worker killed mid-run (it goes silent, as a crashed
 * or hung worker does), and an uncaught error thrown inside it while a run goes on. Each time
 * the run ends with the reason, the engine stays or comes back, and the next Run works.
 * The worker's test hooks are armed by ?testHooks=1; ?engineHungMs shortens the silence that
 * counts as hung. Waits are on the page's own state (waitForFunction), never on time.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartsTestHook } from '../../src-renderer/dashboard/testHook';
import { type AppSession, openApp } from './support/browser';

type RunView = ReturnType<ChartsTestHook['runs']>[number];
type Hooks = {
  __atlasCharts: ChartsTestHook;
  __atlasEngine: { kill(): void; throwInside(): void };
};

const runs = (page: Page): Promise<RunView[]> =>
  page.evaluate(() => (globalThis as unknown as Hooks).__atlasCharts.runs());

/** What the latest run must show (the page's CSP forbids evaluating strings). */
interface Want {
  readonly phase?: string;
  readonly minStep?: number;
  readonly minRuns?: number;
  readonly notKey?: string;
}

/** Waits until the latest run is as wanted, read from the page's own state. */
async function latestRun(page: Page, want: Want): Promise<RunView> {
  await page.waitForFunction(
    (w: Want) => {
      const all = (globalThis as unknown as Hooks).__atlasCharts.runs();
      const r = all.at(-1);
      return (
        !!r &&
        all.length >= (w.minRuns ?? 1) &&
        (w.phase === undefined || r.phase === w.phase) &&
        r.step >= (w.minStep ?? 0) &&
        r.key !== w.notKey
      );
    },
    want,
    { timeout: 90_000, polling: 100 },
  );
  return (await runs(page)).at(-1)!;
}

async function openQuickstart(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Quickstart/ }).click();
}

describe('a self-healing engine (web mode)', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ width: 1440, height: 900 }, '?testHooks=1&engineHungMs=3000');
    app.page.on('dialog', (dialog) => void dialog.accept());
    await openQuickstart(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a worker killed mid-run: the run ends as "stopped: engine crashed", a fresh engine runs the next Run', async () => {
    const { page } = app;
    await page.getByTestId('run-run').click();
    const running = await latestRun(page, { phase: 'running', minStep: 3 });
    await page.evaluate(() => (globalThis as unknown as Hooks).__atlasEngine.kill());
    const crashed = await latestRun(page, { phase: 'stopped' });
    expect(crashed.key).toBe(running.key);
    expect(crashed.reason).toBe('stopped: engine crashed');
    expect(await page.getByTestId('run-run').isEnabled()).toBe(true);
    expect(await page.getByText('The compute engine crashed').isVisible()).toBe(true);
    await app.screenshot('engine-recovery-crashed');

    await page.getByTestId('run-run').click();
    const next = await latestRun(page, { notKey: running.key, minStep: 3 });
    expect(next.backend).toMatch(/wasm|webgl|cpu/);
    await page.getByTestId('run-stop').click();
    await latestRun(page, { phase: 'stopped' });
  });

  it('an uncaught error thrown inside the worker ends that run with its message; the next Run works', async () => {
    const { page } = app;
    const before = (await runs(page)).length;
    await page.getByTestId('run-run').click();
    await latestRun(page, { minRuns: before + 1, phase: 'running', minStep: 3 });
    await page.evaluate(() => (globalThis as unknown as Hooks).__atlasEngine.throwInside());
    const failed = await latestRun(page, { phase: 'stopped' });
    expect(failed.reason).toBe('stopped: thrown inside the engine by the test hook');
    // The engine stayed available: no restart, and its backend is still shown.
    expect(await page.getByTestId('engine-backend').textContent()).not.toMatch(/unavailable/);
    await app.screenshot('engine-recovery-thrown');

    const count = (await runs(page)).length;
    await page.getByTestId('run-run').click();
    await latestRun(page, { minRuns: count + 1, minStep: 3 });
    await page.getByTestId('run-stop').click();
    await latestRun(page, { phase: 'stopped' });
  });
});
