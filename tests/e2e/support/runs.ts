/** The dashboard's runs as a test sees them, through the app's charts test hook. */
import type { Page } from 'playwright-core';
import type { ChartsTestHook } from '../../../src-renderer/dashboard/testHook';
import { untilOn } from './browser';

export type RunView = ReturnType<ChartsTestHook['runs']>[number];

export function dashboardRuns(page: Page): Promise<RunView[]> {
  return page.evaluate(() =>
    (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts.runs(),
  );
}

/**
 * Waits until the dashboard holds `count` runs (at least one when no count is given) and none
 * of them is still running or loading; returns their phases.
 */
export function runsEnded(page: Page, count?: number, limitMs = 120_000): Promise<string[]> {
  return untilOn(page)(
    count === undefined ? 'the runs to end' : `${count} runs to end`,
    async () => (await dashboardRuns(page)).map((r) => r.phase),
    (phases) =>
      (count === undefined ? phases.length > 0 : phases.length === count) &&
      phases.every((p) => p !== 'running' && p !== 'loaded'),
    limitMs,
  );
}
