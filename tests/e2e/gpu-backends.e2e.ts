/**
 * The GPU backends compute what wasm computes. Headless Chromium here offers WebGL2 through
 * SwiftShader and, with --enable-unsafe-webgpu, WebGPU through a SwiftShader adapter: slow, but
 * a broken shader or a missing kernel fails here rather than in a user's lecture. Each backend
 * is forced with `?backend=` in the engine worker, and the status bar must name it: a backend
 * that quietly fell back to wasm would compare wasm with itself. The quickstart (50 steps,
 * `?maxSteps=`), its landscape (9×9, `?landscapeGrid=`) and the Rosenbrock race (6 runs, 50
 * steps) are compared with wasm's within float32 tolerance.
 *
 * What is compared is what a user takes away: the dashboard's "Export CSV" (every run's losses
 * and step times, from the run store) and the viewer's "Landscape JSON". Timings go to
 * test-results/gpu-backends-timings.json, logged, never asserted.
 *
 * WebGPU: the engine awaits its reads there (engine/readback.ts). tfjs-backend-webgpu's
 * synchronous read copies through a WebGPU canvas, which SwiftShader reads back as zeros (and
 * its device is lost soon after); the engine's start check reads asynchronously on WebGPU, and
 * refuses a backend whose reads come back wrong, saying why (selectBackend.ts).
 * Screenshots: test-results/gpu-backends-*.png.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type AppSession, nextFrame, openApp, RESULTS_DIR, untilOn } from './support/browser';
import { dashboardRuns } from './support/runs';

const STEPS = 50;
const GRID = 9;

type Backend = 'wasm' | 'webgl' | 'webgpu';
/** Per run name, its loss at each step (the CSV's steps count from 0). */
type Losses = Record<string, number[]>;

interface Exported {
  readonly losses: Losses;
  /** Per run, the engine's time of its last step since its first (time_s). */
  readonly seconds: Record<string, number>;
}

interface Outcome {
  readonly quickstart: Losses;
  readonly landscape: number[];
  readonly race: Losses;
  readonly timings: Timings;
}

interface Timings {
  /** Click on Run to the quickstart's run completed, in the page's clock (compiling included). */
  readonly quickstartMs: number;
  /** The engine's time from the quickstart's first step to its last. */
  readonly quickstartStepsS: number;
  /** Opening the landscape to its surface computed. */
  readonly landscapeMs: number;
  /** Click on Run to all six race runs completed. */
  readonly raceMs: number;
  /** The slowest race run's time from its first step to its last. */
  readonly raceStepsS: number;
}

const timings: Partial<Record<Backend, Timings>> = {};

const pageNow = (page: Page) => page.evaluate(() => performance.now());

async function download(page: Page, action: () => Promise<unknown>): Promise<string> {
  const file: Promise<Download> = page.waitForEvent('download');
  await action();
  return (await (await file).path())!;
}

/** The dashboard's CSV export of the visible runs: each run's loss and time by step. */
async function exportedLosses(page: Page): Promise<Exported> {
  const path = await download(page, () => page.getByTestId('export-csv').click());
  const rows = Papa.parse<{
    run: string;
    metric: string;
    step: string;
    time_s: string;
    value: string;
  }>(await readFile(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const losses: Losses = {};
  const seconds: Record<string, number> = {};
  for (const row of rows) {
    if (row.metric !== 'loss') continue;
    const run = losses[row.run] ?? [];
    losses[row.run] = run;
    run[Number(row.step)] = Number(row.value);
    seconds[row.run] = Math.max(seconds[row.run] ?? 0, Number(row.time_s));
  }
  return { losses, seconds };
}

/**
 * Runs the open graph until `count` new runs have ended; each must have completed its STEPS
 * steps (a run stopped by an error fails here, with its reason). Returns the page's ms taken.
 */
async function runToEnd(page: Page, count: number): Promise<number> {
  const until = untilOn(page);
  const before = (await dashboardRuns(page)).length;
  const start = await pageNow(page);
  await page.getByTestId('run-run').click();
  const ended = await until(
    `${count} runs to end`,
    async () => (await dashboardRuns(page)).slice(before),
    (r) => r.length === count && r.every((x) => x.phase !== 'running' && x.phase !== 'loaded'),
    240_000,
  );
  const took = (await pageNow(page)) - start;
  for (const run of ended) {
    expect({ run: run.name, phase: run.phase, step: run.step, reason: run.reason }).toEqual({
      run: run.name,
      phase: 'completed',
      step: STEPS,
      reason: run.reason,
    });
  }
  return took;
}

async function open(backend: Backend): Promise<{ app: AppSession; shown: string }> {
  const app = await openApp(
    { width: 1440, height: 900 },
    `?maxSteps=${STEPS}&backend=${backend}&landscapeGrid=${GRID}`,
    { extraArgs: ['--enable-unsafe-webgpu'] },
  );
  const { page } = app;
  const status = page.getByTestId('engine-backend');
  const text = await untilOn(page)(
    'the engine to start',
    () => status.textContent(),
    (t) => t !== null && t !== 'starting…',
  );
  return { app, shown: `${text} (${await status.getAttribute('title')})` };
}

async function train(app: AppSession, backend: Backend): Promise<Outcome> {
  const { page } = app;
  const until = untilOn(page);
  const quickstartMs = await runToEnd(page, 1);
  const quickstart = await exportedLosses(page);

  const landscapeStart = await pageNow(page);
  await page.getByTestId('landscape-toggle').click(); // opening it computes the landscape
  const exportMenu = page.getByTestId('landscape-export');
  await until(
    'the landscape to be computed',
    async () =>
      (await exportMenu.isEnabled()) && (await page.getByTestId('landscape-progress').count()),
    (pending) => pending === 0,
    240_000,
  );
  const landscapeMs = (await pageNow(page)) - landscapeStart;
  await app.screenshot(`gpu-backends-${backend}-landscape`);
  const json = await download(page, () => exportMenu.selectOption('json'));
  const landscape: number[] = JSON.parse(await readFile(json, 'utf8')).loss;
  await page.getByTestId('landscape-toggle').click(); // back to the graph

  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /rosenbrock-race/ }).click();
  const raceMs = await runToEnd(page, 6);
  const race = await exportedLosses(page);
  await app.screenshot(`gpu-backends-${backend}`);
  expect(app.errors).toEqual([]);
  const result: Timings = {
    quickstartMs: Math.round(quickstartMs),
    quickstartStepsS: Math.max(...Object.values(quickstart.seconds)),
    landscapeMs: Math.round(landscapeMs),
    raceMs: Math.round(raceMs),
    raceStepsS: Math.max(...Object.values(race.seconds)),
  };
  timings[backend] = result;
  return { quickstart: quickstart.losses, landscape, race: race.losses, timings: result };
}

/** float32 arithmetic on different kernels, compounded over 50 updates. */
function expectClose(label: string, got: readonly number[], want: readonly number[]): void {
  expect(got, label).toHaveLength(want.length);
  want.forEach((w, i) => {
    const tol = 2e-3 * Math.max(1, Math.abs(w));
    expect(Math.abs(got[i]! - w), `${label} [${i}]: ${got[i]} vs ${w}`).toBeLessThanOrEqual(tol);
  });
}

function expectSameRuns(what: string, got: Losses, want: Losses): void {
  expect(Object.keys(got).sort(), what).toEqual(Object.keys(want).sort());
  for (const [run, losses] of Object.entries(want)) {
    expectClose(`${what} ${run}`, got[run]!, losses);
  }
}

function expectSameAsWasm(gpu: Outcome, wasm: Outcome): void {
  expectSameRuns('quickstart', gpu.quickstart, wasm.quickstart);
  expectClose('landscape', gpu.landscape, wasm.landscape);
  expectSameRuns('race', gpu.race, wasm.race);
}

describe('the GPU backends in the engine worker (software GPUs in headless Chromium)', () => {
  let wasm: Outcome;

  afterAll(async () => {
    const text = JSON.stringify(timings, null, 2);
    console.log(`gpu-backends timings (${STEPS} steps, ${GRID}×${GRID} landscape):\n${text}`);
    await writeFile(join(RESULTS_DIR, 'gpu-backends-timings.json'), `${text}\n`);
  });

  it('wasm, the reference', async () => {
    const { app, shown } = await open('wasm');
    try {
      expect(shown).toMatch(/^wasm · worker \(requested wasm\)$/);
      wasm = await train(app, 'wasm');
    } finally {
      await app.close();
    }
    expect(Object.keys(wasm.quickstart)).toHaveLength(1);
    expect(Object.keys(wasm.race)).toHaveLength(6);
    for (const losses of [...Object.values(wasm.quickstart), ...Object.values(wasm.race)]) {
      expect(losses).toHaveLength(STEPS);
      expect(losses.every(Number.isFinite)).toBe(true);
    }
    expect(wasm.landscape).toHaveLength(GRID * GRID);
    expect(wasm.landscape.every(Number.isFinite)).toBe(true);
  }, 300_000);

  it('webgl trains the quickstart and the race, and maps the landscape, as wasm does', async () => {
    const { app, shown } = await open('webgl');
    try {
      expect(shown).toMatch(/^webgl · worker \(requested webgl\)$/);
      expectSameAsWasm(await train(app, 'webgl'), wasm);
    } finally {
      await app.close();
    }
  }, 480_000);

  it('webgpu (read asynchronously) trains the quickstart and the race, and maps the landscape, as wasm does', async () => {
    const { app, shown } = await open('webgpu');
    try {
      await nextFrame(app.page); // the first frames after startup paint in tiles
      await app.screenshot('gpu-backends-webgpu-status');
      expect(shown).toMatch(/^webgpu · worker \(requested webgpu\)$/);
      expectSameAsWasm(await train(app, 'webgpu'), wasm);
    } finally {
      await app.close();
    }
  }, 480_000);
});
