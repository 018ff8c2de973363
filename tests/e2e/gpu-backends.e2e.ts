/**
 * The GPU backend computes what wasm computes. Headless Chromium here offers WebGL2 through
 * SwiftShader (software): slow, but a broken shader or a missing kernel fails here rather than
 * in a user's lecture. WebGL is forced with `?backend=webgl` in the engine worker; the
 * quickstart (with a small landscape) and the Rosenbrock race run 50 steps (`?maxSteps=`).
 *
 * WebGPU is not tested here: with --enable-unsafe-webgpu this Chromium offers a SwiftShader
 * adapter and the quickstart starts training on it, but every run stops after 8–25 steps with
 * "createBuffer failed, size (256) is too large for the implementation when mappedAtCreation
 * == true". The engine reads each step's loss synchronously, and tfjs-backend-webgpu 4.22's
 * readSync copies through three fresh 256×256 OffscreenCanvases per read
 * (backend_webgpu.js, readSync); SwiftShader's memory runs out. It needs asynchronous reads in
 * the training loop. What is compared is what a user takes away: the dashboard's "Export
 * CSV" (every run's losses, from the run store) and the viewer's "Landscape JSON". Reading the
 * charts instead recorded no steps: a chart only has raw lines when it is smoothed (the race's
 * is not), and charts draw per frame, after a run can already read "completed".
 * Screenshots: test-results/gpu-backends-*.png.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChartsTestHook } from '../../src-renderer/dashboard/testHook';
import { type AppSession, openApp, untilOn } from './support/browser';

const STEPS = 50;
const GRID = 9;

type Backend = 'wasm' | 'webgl';
/** Per run name, its loss at each step (the CSV's steps count from 0). */
type Losses = Record<string, number[]>;

interface Outcome {
  /** The status bar's backend, with its reason. */
  readonly backend: string;
  readonly quickstart: Losses;
  readonly landscape: number[];
  readonly race: Losses;
}

const runs = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts.runs(),
  );

async function download(page: Page, action: () => Promise<unknown>): Promise<string> {
  const file: Promise<Download> = page.waitForEvent('download');
  await action();
  return (await (await file).path())!;
}

/** The dashboard's CSV export of the visible runs: each run's loss by step. */
async function exportedLosses(page: Page): Promise<Losses> {
  const path = await download(page, () => page.getByTestId('export-csv').click());
  const rows = Papa.parse<{ run: string; metric: string; step: string; value: string }>(
    await readFile(path, 'utf8'),
    { header: true, skipEmptyLines: true },
  ).data;
  const out: Losses = {};
  for (const row of rows) {
    if (row.metric !== 'loss') continue;
    const losses = out[row.run] ?? [];
    out[row.run] = losses;
    losses[Number(row.step)] = Number(row.value);
  }
  return out;
}

/** Runs the open graph; resolves once `count` new runs have all taken their STEPS steps. */
async function runToEnd(page: Page, count: number): Promise<void> {
  const until = untilOn(page);
  const before = (await runs(page)).length;
  await page.getByTestId('run-run').click();
  await until(
    `${count} runs to take ${STEPS} steps`,
    () => runs(page),
    (r) =>
      r.length === before + count &&
      r.slice(before).every((x) => x.step === STEPS && x.phase === 'completed'),
    240_000,
  );
}

async function train(backend: Backend): Promise<Outcome> {
  const app: AppSession = await openApp(
    { width: 1440, height: 900 },
    `?maxSteps=${STEPS}&backend=${backend}&landscapeGrid=${GRID}`,
  );
  try {
    const { page } = app;
    const until = untilOn(page);
    const shown = await until(
      'the engine to start',
      () => page.getByTestId('engine-backend').textContent(),
      (t) => t !== null && t !== 'starting…',
    );
    const reason = await page.getByTestId('engine-backend').getAttribute('title');

    await runToEnd(page, 1);
    const quickstart = await exportedLosses(page);

    await page.getByTestId('landscape-toggle').click(); // opening it computes the landscape
    const exportMenu = page.getByTestId('landscape-export');
    await until(
      'the landscape to be computed',
      async () =>
        (await exportMenu.isEnabled()) && (await page.getByTestId('landscape-progress').count()),
      (pending) => pending === 0,
      240_000,
    );
    await app.screenshot(`gpu-backends-${backend}-landscape`);
    const json = await download(page, () => exportMenu.selectOption('json'));
    const landscape: number[] = JSON.parse(await readFile(json, 'utf8')).loss;
    await page.getByTestId('landscape-toggle').click(); // back to the graph

    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /rosenbrock-race/ }).click();
    await runToEnd(page, 6);
    const race = await exportedLosses(page);
    await app.screenshot(`gpu-backends-${backend}`);
    expect(app.errors).toEqual([]);
    return { backend: `${shown} (${reason})`, quickstart, landscape, race };
  } finally {
    await app.close();
  }
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

describe('the WebGL backend in the engine worker (software GPU in headless Chromium)', () => {
  let wasm: Outcome;

  it('wasm, the reference', async () => {
    wasm = await train('wasm');
    expect(wasm.backend).toMatch(/^wasm · worker \(requested wasm\)/);
    expect(Object.keys(wasm.quickstart)).toHaveLength(1);
    expect(Object.keys(wasm.race)).toHaveLength(6);
    for (const losses of [...Object.values(wasm.quickstart), ...Object.values(wasm.race)]) {
      expect(losses).toHaveLength(STEPS);
      expect(losses.every(Number.isFinite)).toBe(true);
    }
    expect(wasm.landscape).toHaveLength(GRID * GRID);
  }, 300_000);

  it('webgl trains the quickstart and the race, and maps the landscape, as wasm does', async () => {
    const gpu = await train('webgl');
    expect(gpu.backend).toMatch(/^webgl · worker \(requested webgl\)/);
    expectSameRuns('quickstart', gpu.quickstart, wasm.quickstart);
    expectClose('landscape', gpu.landscape, wasm.landscape);
    expectSameRuns('race', gpu.race, wasm.race);
  }, 480_000);
});
