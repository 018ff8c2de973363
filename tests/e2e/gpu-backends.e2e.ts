/**
 * The GPU backends compute what wasm computes. Headless Chromium here offers both GPU APIs in
 * software (WebGL2 through SwiftShader; WebGPU through a SwiftShader adapter with
 * --enable-unsafe-webgpu on this localhost page): slow, but a broken shader or a missing
 * kernel fails here rather than in a user's lecture. Each backend is forced with `?backend=`
 * in the engine worker; the quickstart and the Rosenbrock race run 50 steps (`?maxSteps=`); their
 * losses must match wasm's within float32 tolerance.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChartsTestHook } from '../../src-renderer/dashboard/testHook';
import { type AppSession, openApp } from './support/browser';

const STEPS = 50;

type Hook = { __atlasCharts: ChartsTestHook };

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 120_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

const runs = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Hook).__atlasCharts.runs());

/** Raw per-step losses of every run, by the run's name (the part after the train block). */
async function rawLosses(page: Page): Promise<Record<string, number[]>> {
  const view = await page.evaluate(() =>
    (globalThis as unknown as Hook).__atlasCharts.chart('loss'),
  );
  const out: Record<string, number[]> = {};
  view?.lines.forEach((line, i) => {
    if (!line.raw) return;
    out[line.key] = (view.ys[i] ?? []).filter((v): v is number => v !== null);
  });
  return out;
}

/** Runs every run from `first` on to its end (`?maxSteps=` caps each at STEPS). */
async function runAll(page: Page, first: number, count: number): Promise<void> {
  await page.getByTestId('run-run').click();
  await until(
    `${count} runs to finish`,
    () => runs(page),
    (r) =>
      r.length === first + count &&
      r.slice(first).every((x) => x.phase !== 'running' && x.phase !== 'loaded'),
    240_000,
  );
}

interface Losses {
  readonly backend: string;
  readonly quickstart: Record<string, number[]>;
  readonly race: Record<string, number[]>;
}

async function train(backend: 'wasm' | 'webgl' | 'webgpu'): Promise<Losses> {
  const app: AppSession = await openApp(
    { width: 1440, height: 900 },
    `?maxSteps=${STEPS}&backend=${backend}`,
    { extraArgs: backend === 'webgpu' ? ['--enable-unsafe-webgpu'] : [] },
  );
  try {
    const { page } = app;
    const shown = await until(
      'the engine to start',
      () => page.getByTestId('engine-backend').textContent(),
      (t) => t !== 'starting…',
    );
    const reason = await page.getByTestId('engine-backend').getAttribute('title');
    await runAll(page, 0, 1);
    const quickstart = await rawLosses(page);
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /rosenbrock-race/ }).click();
    const before = (await runs(page)).length;
    await runAll(page, before, 6);
    const all = await rawLosses(page);
    const race = Object.fromEntries(Object.entries(all).filter(([k]) => !(k in quickstart)));
    await app.screenshot(`gpu-backends-${backend}`);
    expect(app.errors).toEqual([]);
    return { backend: `${shown} (${reason})`, quickstart, race };
  } finally {
    await app.close();
  }
}

function expectClose(got: Record<string, number[]>, want: Record<string, number[]>): void {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [key, losses] of Object.entries(want)) {
    expect(losses.length, key).toBeGreaterThanOrEqual(STEPS);
    const ours = got[key]!;
    for (let s = 0; s < STEPS; s++) {
      // float32 on different hardware paths, compounded over 50 updates.
      const tol = 2e-3 * Math.max(1, Math.abs(losses[s]!));
      expect(Math.abs(ours[s]! - losses[s]!), `${key} step ${s + 1}`).toBeLessThanOrEqual(tol);
    }
  }
}

describe('GPU backends in the engine worker (software GPU in headless Chromium)', () => {
  let wasm: Losses;

  it('wasm, the reference', async () => {
    wasm = await train('wasm');
    expect(wasm.backend).toMatch(/^wasm · worker \(requested wasm\)/);
    expect(Object.keys(wasm.race)).toHaveLength(6);
  }, 300_000);

  it.each(['webgl', 'webgpu'] as const)(
    '%s trains the quickstart and the race as wasm does',
    async (name) => {
      const gpu = await train(name);
      expect(gpu.backend).toMatch(new RegExp(`^${name} · worker \\(requested ${name}\\)`));
      expectClose(gpu.quickstart, wasm.quickstart);
      expectClose(gpu.race, wasm.race);
    },
    480_000,
  );
});
