/**
 * Every example, as a new user meets it: open it from the Examples menu, run it, open the
 * landscape and save the viewer as test-results/landscape-example-<name>.png. For each pane
 * (skip-connections opens two side by side), the surface covers 20–85 % of its 3D stage and
 * touches at most one of its edges, every run's path shows pixels of its own in the final
 * frame, and the console has no errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartsTestHook } from '../../src-renderer/dashboard/testHook';
import { type AppSession, openApp, RESULTS_DIR, untilOn } from './support/browser';

const EXAMPLES = readdirSync(resolve(import.meta.dirname, '../../resources/examples'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** Calls pane `pane`'s test hook (the first pane's by default), null before it exists. */
const hook = <T>(page: Page, call: string, pane = 0) =>
  page.evaluate(
    `(() => { const h = (window.__atlasLandscapePanes || [])[${pane}]; return h ? h.${call} : null; })()`,
  ) as Promise<T | null>;

const runsOf = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts
      .runs()
      .map((r) => ({ name: r.name, phase: r.phase })),
  );

const ownErrors = (session: AppSession) =>
  session.errors.filter((e) => !/Loading the font 'data:font/.test(e));

describe('every example opens on a framed, readable landscape', () => {
  let app: AppSession;
  const until: ReturnType<typeof untilOn> = (what, read, ok, ms = 120_000) =>
    untilOn(app.page)(what, read, ok, ms);

  beforeAll(async () => {
    app = await openApp({ width: 1440, height: 900 }, '?maxSteps=80&landscapeGrid=41');
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(EXAMPLES)('%s', async (name) => {
    const { page } = app;
    if (await page.getByTestId('landscape-viewer').isVisible()) {
      await page.getByTestId('landscape-toggle').click();
    }
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: new RegExp(name) }).click();
    await page.getByTestId('run-run').click();
    await until(
      `${name}: its runs to finish`,
      () => runsOf(page),
      (runs) => runs.length > 0 && runs.every((r) => r.phase !== 'running' && r.phase !== 'loaded'),
    );
    const runs = (await runsOf(page)).length;
    await page.getByTestId('landscape-toggle').click();
    const panes = await page.getByTestId('landscape-pane').count();
    for (let pane = 0; pane < panes; pane++) {
      await until(
        `${name}: pane ${pane}'s landscape with every path`,
        () => hook<{ runs: string[]; surface: boolean }>(page, 'drawn()', pane),
        (d) => !!d?.surface && d.runs.length > 0,
      );
    }
    await until(
      `${name}: every landscape computed`,
      () => page.getByTestId('landscape-progress').count(),
      (n) => n === 0,
    );
    for (let pane = 0; pane < panes; pane++) {
      const last = (await hook<number>(page, 'lastStep()', pane)) ?? 0;
      await hook(page, `setStep(${last})`, pane);
    }
    // With the dashboard open the stage is a 3:1 strip; a user looking at the surface folds it
    // (the viewer refits on the resize).
    const dock = page.getByTestId('run-dock').getByRole('button', { name: /Dashboard/ });
    // The whole window with the charts, as a user first sees it.
    await app.screenshot(`landscape-example-${name}-app`);
    if ((await dock.getAttribute('aria-expanded')) === 'true') {
      const docked = await hook<{ fraction: number }>(page, 'surfaceFootprint()');
      console.log(
        `${name}: with the dashboard open, surface ${(docked!.fraction * 100).toFixed(1)}%`,
      );
      await dock.click();
      await until(
        `${name}: the dashboard to fold`,
        () => dock.getAttribute('aria-expanded'),
        (v) => v === 'false',
      );
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
    }

    await page
      .getByTestId('landscape-viewer')
      .first()
      .screenshot({ path: join(RESULTS_DIR, `landscape-example-${name}.png`) });
    for (let pane = 0; pane < panes; pane++) {
      const footprint = (await hook<{ fraction: number; edges: string[] }>(
        page,
        'surfaceFootprint()',
        pane,
      ))!;
      const pixels = (await hook<{ run: string; pixels: number }[]>(page, 'pathPixels()', pane))!;
      const which = panes > 1 ? ` pane ${pane}` : '';
      console.log(
        `${name}${which}: surface ${(footprint.fraction * 100).toFixed(1)}% of the stage, edges [${footprint.edges.join(', ')}]; path pixels ${pixels.map((p) => `${p.run}=${p.pixels}`).join(' ')}; runs ${runs}`,
      );
      expect(footprint.fraction, `${name}${which}`).toBeGreaterThan(0.2);
      expect(footprint.fraction, `${name}${which}`).toBeLessThan(0.85);
      expect(footprint.edges.length, `${name}${which}`).toBeLessThanOrEqual(1);
      expect(pixels.length).toBeGreaterThan(0);
      for (const p of pixels) expect(p.pixels, `${name}: pixels of ${p.run}`).toBeGreaterThan(20);
    }
    expect(panes, `${name}: its landscape panes`).toBe(name === 'skip-connections' ? 2 : 1);
    expect(ownErrors(app)).toEqual([]);
    await dock.click(); // open again for the next example's charts
  });

  it('exports the shown landscape from the app: JSON, CSV, VTK (surface + paths, read by VTK), PNG', async () => {
    const { page } = app;
    const saved = async (format: string, count: number) => {
      const downloads: Download[] = [];
      const listener = (d: Download) => downloads.push(d);
      page.on('download', listener);
      await page.getByTestId('landscape-export').selectOption(format);
      await until(
        `${format}: ${count} download(s)`,
        async () => downloads.length,
        (n) => n >= count,
      );
      page.off('download', listener);
      return Promise.all(
        downloads.map(async (d) => {
          const path = join(RESULTS_DIR, `landscape-export-${d.suggestedFilename()}`);
          await d.saveAs(path);
          return path;
        }),
      );
    };
    const [json] = await saved('json', 1);
    const doc = JSON.parse(await readFile(json!, 'utf8'));
    expect(doc.loss).toHaveLength(doc.grid * doc.grid);
    expect(doc.paths.length).toBeGreaterThan(0);
    const [csv] = await saved('csv', 1);
    const rows = (await readFile(csv!, 'utf8')).trim().split('\n');
    expect(rows).toHaveLength(doc.grid * doc.grid + 1);
    const [surface, paths] = await saved('vtk', 2);
    expect(paths).toMatch(/\.paths\.vtk$/);
    const [png] = await saved('png', 1);
    expect((await readFile(png!)).subarray(1, 4).toString()).toBe('PNG');
    if (!existsSync('/usr/bin/python3')) {
      console.log('skipped the VTK read-back: no /usr/bin/python3');
      return;
    }
    const script = [
      'import sys, vtk',
      'out = vtk.vtkFileOutputWindow(); out.SetFileName(sys.argv[3]); vtk.vtkOutputWindow.SetInstance(out)',
      's = vtk.vtkStructuredGridReader(); s.ReadAllScalarsOn(); s.SetFileName(sys.argv[1]); s.Update()',
      'p = vtk.vtkPolyDataReader(); p.ReadAllScalarsOn(); p.SetFileName(sys.argv[2]); p.Update()',
      'd = p.GetOutput()',
      'print(s.GetOutput().GetNumberOfPoints(), d.GetNumberOfLines(), d.GetPointData().GetArray("step").GetNumberOfTuples())',
    ].join('\n');
    const log = join(RESULTS_DIR, 'landscape-export-vtk.log');
    const run = spawnSync('/usr/bin/python3', ['-c', script, surface!, paths!, log], {
      encoding: 'utf8',
    });
    if (run.status !== 0 && /No module named/.test(run.stderr)) {
      console.log('skipped the VTK read-back: python3-vtk9 is not installed');
      return;
    }
    expect(run.stderr).toBe('');
    const [points, lines, steps] = run.stdout.trim().split(' ').map(Number);
    expect(points).toBe(doc.grid * doc.grid);
    expect(lines).toBe(doc.paths.length);
    expect(steps).toBe(
      doc.paths.reduce((n: number, p: { steps: number[] }) => n + p.steps.length, 0),
    );
    expect(existsSync(log) ? await readFile(log, 'utf8') : '').toBe('');
    expect(ownErrors(app)).toEqual([]);
  });
});
