/**
 * The 3D landscape viewer in web mode (software WebGL): run the Rosenbrock race (capped steps,
 * small grid), open the viewer, check the canvas shows the surface and several run colours,
 * scrub the timeline, record a 2 s 30 fps clip at 640×360 (checked with mediabunny: duration,
 * frame count, codec), save a PNG snapshot (checked: its size), keep the recorder's settings and
 * keyframes in the saved graph (valid for `atlas validate`), follow a chart's hover step and
 * show the viewer's step on the charts, colour the surface by λmin / λmax, and replace the
 * surface 20 times without GPU memory growth. Then: lr-too-big's log colorbar; opening and running skip-connections never shows
 * lr-too-big's paths (computing state at once), and its two view.landscape blocks, side by side
 * at first, are chosen in a selector once side by side is off; a short viewer keeps the canvas
 * fitted and scrolls the recorder.
 * Screenshots: test-results/landscape-*.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartsTestHook } from '../../src-renderer/dashboard/testHook';
import type { LandscapeTestHook } from '../../src-renderer/landscape/testHook';
import { type AppSession, nextFrame, openApp, untilOn } from './support/browser';
import { runsEnded } from './support/runs';

const STEPS = 120;

/** Calls the viewer's test hook in the page (an expression on `h`), null before it exists. */
const hook = <T>(page: Page, call: string) =>
  page.evaluate(
    `(() => { const h = window.__atlasLandscape; return h ? h.${call} : null; })()`,
  ) as Promise<T | null>;

const ownErrors = (session: AppSession) =>
  session.errors.filter((e) => !/Loading the font 'data:font/.test(e));

function rgbToHex(css: string): string {
  const [r, g, b] = (css.match(/\d+/g) ?? []).map(Number);
  return `#${[r, g, b].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

/** Lets the viewer draw what it shows now (two animation frames) before a screenshot. */
async function drawn2(page: Page): Promise<void> {
  await nextFrame(page);
  await nextFrame(page);
}

/** What the viewer showed on one animation frame. */
interface ViewerFrame {
  runs: string[];
  labels: string[];
  computing: boolean;
}

/** Starts recording what the viewer shows on every animation frame, until stopped. */
function recordViewerFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const frames: ViewerFrame[] = [];
    const g = globalThis as unknown as {
      __viewerFrames: { frames: ViewerFrame[]; stop: boolean };
      __atlasLandscape?: { drawn(): { runs: string[] } };
    };
    g.__viewerFrames = { frames, stop: false };
    const tick = () => {
      if (g.__viewerFrames.stop) return;
      const empty = document.querySelector('[data-testid="landscape-empty"]')?.textContent;
      frames.push({
        runs: g.__atlasLandscape?.drawn().runs ?? [],
        labels: [...document.querySelectorAll('.lv-runs label')].map((e) => e.textContent ?? ''),
        computing:
          document.querySelector('[data-testid="landscape-progress"]') !== null ||
          empty === 'computing…',
      });
      requestAnimationFrame(tick);
    };
    tick();
  });
}

function stopViewerFrames(page: Page): Promise<ViewerFrame[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as { __viewerFrames: { frames: ViewerFrame[]; stop: boolean } };
    g.__viewerFrames.stop = true;
    return g.__viewerFrames.frames;
  });
}

describe('landscape viewer (web mode)', () => {
  let app: AppSession;
  const until = <T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000) =>
    untilOn(app.page)(what, read, ok, ms);

  beforeAll(async () => {
    app = await openApp({ width: 1440, height: 900 }, `?maxSteps=${STEPS}&landscapeGrid=41`);
    app.page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the Rosenbrock race: surface and one coloured path per run', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /rosenbrock-race/ }).click();
    await page.getByTestId('run-run').click();
    await runsEnded(page, 6);
    await page.getByTestId('landscape-toggle').click();
    const last = await until(
      'the landscape',
      () => hook<number>(page, 'lastStep()'),
      (v) => (v ?? 0) > 0,
    );
    expect(last).toBe(STEPS);
    await until(
      'the step label',
      () => page.getByTestId('landscape-step').textContent(),
      (t) => t === `step ${STEPS} / ${STEPS}`,
    );
    await drawn2(page);
    await app.screenshot('landscape-rosenbrock-race');

    const distinct = await hook<number>(page, 'distinctColors()');
    expect(distinct).toBeGreaterThan(200);
    const swatches = await page.$$eval('.lv-runs .lv-swatch', (els) =>
      els.map((e) => getComputedStyle(e).backgroundColor),
    );
    expect(swatches).toHaveLength(6);
    const colors = swatches.map(rgbToHex);
    const counts = (await hook<number[]>(page, `colorCounts(${JSON.stringify(colors)}, 48)`))!;
    const present = counts.filter((n) => n >= 25);
    expect(
      present.length,
      `pixels per run colour ${colors.join(' ')}: ${counts.join(' ')}`,
    ).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('landscape-colorbar').isVisible()).toBe(true);
    expect(ownErrors(app)).toEqual([]);
  });

  it('scrubs the timeline and switches to the 2D contour view', async () => {
    const { page } = app;
    await page.getByTestId('landscape-scrubber').fill('30');
    expect(await page.getByTestId('landscape-step').textContent()).toBe(`step 30 / ${STEPS}`);
    await drawn2(page);
    await app.screenshot('landscape-scrubbed');
    await page.getByRole('button', { name: '2D contours' }).click();
    await drawn2(page);
    await app.screenshot('landscape-contours-2d');
    expect(await hook<number>(page, 'distinctColors()')).toBeGreaterThan(40);
    await page.getByRole('button', { name: '2D contours' }).click();
    await page.getByRole('button', { name: 'Iso' }).click();
  });

  it('colours the surface by λmin: a diverging map with zero marked, blue where it curves down', async () => {
    const { page } = app;
    const colorbar = page.getByTestId('landscape-colorbar');
    await page.getByTestId('landscape-color-by').selectOption('lambdaMin');
    await until(
      'the λmin colorbar',
      () => colorbar.textContent(),
      (t) => /^λmin/.test(t ?? ''),
    );
    expect(await colorbar.locator('.lv-colorbar-zero').textContent()).toBe('0');
    await drawn2(page);
    await app.screenshot('landscape-color-lambda-min');
    // Rosenbrock at (0, 2): H = diag(−798, 200), λmin < 0 → blue; at (1, 1) (the minimum)
    // λmin ≈ 0.4 → near white. Coloured by loss again, (0, 2) (f = 401) turns high: green.
    const color = (a: number, b: number) =>
      hook<[number, number, number]>(page, `surfaceColorAt(${a}, ${b})`);
    const [r, g, b] = (await color(0, 2))!;
    expect(b - r, `λmin colour at (0, 2): ${r} ${g} ${b}`).toBeGreaterThan(0.3);
    expect(Math.min(...(await color(1, 1))!), 'near white at the minimum').toBeGreaterThan(0.8);
    await page.getByTestId('landscape-color-by').selectOption('lambdaMax');
    await until(
      'the λmax colorbar',
      () => colorbar.textContent(),
      (t) => /^λmax/.test(t ?? ''),
    );
    await page.getByTestId('landscape-color-by').selectOption('loss');
    await until(
      'the loss colorbar',
      () => colorbar.textContent(),
      (t) => /^loss/.test(t ?? ''),
    );
    const [lr, lg, lb] = (await color(0, 2))!;
    expect(
      Math.hypot(lr - r, lg - g, lb - b),
      `loss colour at (0, 2): ${lr} ${lg} ${lb}`,
    ).toBeGreaterThan(0.3);
  });

  it('records a 2 s, 30 fps, 640×360 H.264 clip, frame by frame', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '● Record' }).click();
    const recorder = page.getByTestId('landscape-recorder');
    await recorder.getByLabel('Camera motion').selectOption('orbit');
    await recorder.getByLabel('Duration in seconds').fill('2');
    await recorder.getByLabel('Frames per second').selectOption('30');
    await recorder.getByLabel('Resolution').selectOption('custom');
    await recorder.getByLabel('Video width').fill('640');
    await recorder.getByLabel('Video height').fill('360');
    await recorder.getByLabel('Video format').selectOption('mp4');
    // The progress line on every animation frame while it records (it may last a few frames).
    await page.evaluate(() => {
      const g = globalThis as unknown as { __recordStatus: { texts: string[]; stop: boolean } };
      g.__recordStatus = { texts: [], stop: false };
      const tick = () => {
        if (g.__recordStatus.stop) return;
        const t = document.querySelector('[data-testid="landscape-record-status"]')?.textContent;
        if (t) g.__recordStatus.texts.push(t);
        requestAnimationFrame(tick);
      };
      tick();
    });
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await recorder.getByRole('button', { name: /Record 2s at 640×360/ }).click();
    const file = await download;
    const statuses = await page.evaluate(() => {
      const g = globalThis as unknown as { __recordStatus: { texts: string[]; stop: boolean } };
      g.__recordStatus.stop = true;
      return g.__recordStatus.texts;
    });
    expect(statuses.length).toBeGreaterThan(0);
    for (const t of statuses)
      expect(t).toMatch(/^frame \d+ \/ 60 · (estimating…|(\d+ min )?\d+ s left)$/);
    expect(file.suggestedFilename()).toMatch(/flythrough\.mp4$/);
    const bytes = await readFile((await file.path())!);
    const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
    const track = (await input.getPrimaryVideoTrack())!;
    expect(track.codec).toBe('avc');
    expect(track.displayWidth).toBe(640);
    expect(track.displayHeight).toBe(360);
    const duration = await input.computeDuration();
    expect(duration).toBeGreaterThan(1.95);
    expect(duration).toBeLessThan(2.05);
    expect((await track.computePacketStats()).packetCount).toBe(60);
    await until(
      'the saved message',
      () => recorder.getByTestId('landscape-recorder-message').textContent(),
      (t) => /Saved/.test(t ?? ''),
    );
  });

  it('saves a PNG snapshot at the size asked for', async () => {
    const { page } = app;
    const recorder = page.getByTestId('landscape-recorder');
    await recorder.getByLabel('Snapshot width').fill('800');
    await recorder.getByLabel('Snapshot height').fill('450');
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await recorder.getByRole('button', { name: 'Save PNG' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/landscape\.png$/);
    const png = await readFile((await file.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(800);
    expect(png.readUInt32BE(20)).toBe(450);
    await app.screenshot('landscape-recorder');
    expect(ownErrors(app)).toEqual([]);
  });

  it('keeps recording settings and keyframes in the saved graph (undoable, valid)', async () => {
    const { page } = app;
    const recorder = page.getByTestId('landscape-recorder');
    await expect(recorder.getByTestId('landscape-recorder-saved').textContent()).resolves.toMatch(
      /saved in the graph's 'landscape' block/,
    );
    await page.getByTestId('landscape-scrubber').fill('30');
    await recorder.getByRole('button', { name: '+ Keyframe from view' }).click();
    await page
      .getByTestId('landscape-viewer')
      .getByRole('button', { name: 'Top', exact: true })
      .click();
    await page.getByTestId('landscape-scrubber').fill(String(STEPS));
    await recorder.getByRole('button', { name: '+ Keyframe from view' }).click();
    expect(await recorder.getByLabel('Camera motion').inputValue()).toBe('keyframes');
    await recorder.getByLabel('Frames per second').selectOption('24');
    await recorder.getByLabel('Duration in seconds').fill('3');
    // One undo step per change: undo the duration, redo it.
    await page.getByRole('button', { name: 'Undo Change recording settings' }).click();
    expect(await recorder.getByLabel('Duration in seconds').inputValue()).toBe('2');
    await page.keyboard.press('Control+Shift+Z');
    await page.getByRole('button', { name: 'Redo' }).waitFor();
    expect(await recorder.getByLabel('Duration in seconds').inputValue()).toBe('3');
    await app.screenshot('landscape-recording-settings');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const text = await readFile((await (await download).path())!, 'utf8');
    const saved = JSON.parse(text) as {
      nodes: { type: string; params: Record<string, unknown> }[];
    };
    const recording = saved.nodes.find((n) => n.type === 'view.landscape')!.params.recording as {
      keyframes: { position: number[]; target: number[]; step: number }[];
    };
    expect(recording).toMatchObject({
      duration: 3,
      fps: 24,
      resolution: { width: 640, height: 360 },
      format: 'mp4',
      camera: 'keyframes',
      followRun: null,
    });
    expect(recording.keyframes.map((k) => k.step)).toEqual([30, STEPS]);
    // The camera moved (Top) between the two keyframes.
    expect(recording.keyframes[0]!.position).not.toEqual(recording.keyframes[1]!.position);
    expect(text).toContain(
      '        "recording": {\n          "duration": 3,\n          "fps": 24,',
    );
    const file = join(await mkdtemp(join(tmpdir(), 'atlas-landscape-')), 'race.json');
    await writeFile(file, text);
    const summary = execFileSync('npm', ['run', '--silent', 'atlas', '--', 'validate', file], {
      encoding: 'utf8',
    });
    expect(summary).toMatch(/: valid · /);
  });

  it('follows the charts: hover a chart, the viewer steps there; scrub, the charts show it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Close recorder' }).click();
    const plot = page.locator('[data-metric="loss"] .u-over');
    const box = (await plot.boundingBox())!;
    await plot.hover({ position: { x: box.width * 0.25, y: box.height / 2 } });
    const label = await until(
      'the viewer to follow the chart',
      () => page.getByTestId('landscape-step').textContent(),
      (t) => t !== `step ${STEPS} / ${STEPS}`,
    );
    const hovered = Number(/step (\d+)/.exec(label ?? '')![1]);
    expect(hovered).toBeGreaterThan(STEPS * 0.15);
    expect(hovered).toBeLessThan(STEPS * 0.35);
    await app.screenshot('landscape-chart-hover');
    await page.mouse.move(5, 5);
    await page.getByTestId('landscape-scrubber').fill('90');
    const cursor = await page.evaluate(() =>
      (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts.cursor(),
    );
    expect(cursor).toEqual({ step: 90, source: 'viewer' });
    await drawn2(page);
    await app.screenshot('landscape-chart-cursor');
    expect(ownErrors(app)).toEqual([]);
  });

  it('frees GPU memory when a surface is replaced (20 replacements)', async () => {
    const { page } = app;
    const memory = (await hook<ReturnType<LandscapeTestHook['replaceSurfaces']>>(
      page,
      'replaceSurfaces(20, 61)',
    ))!;
    expect(memory.after).toBe(memory.before);
    expect(memory.textures[1]).toBe(memory.textures[0]);
  });

  it("grows a network's path on the drawn plane while it trains (stepping, no recompute)", async () => {
    const { page } = app;
    await page.getByTestId('landscape-toggle').click(); // back to the graph
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /quickstart/ }).click();
    const before = await page.evaluate(
      () =>
        (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts.runs().length,
    );
    /** Clicks Step, and watches each step land, until the run has taken `count` in all. */
    let taken = 0;
    const stepped = async (count: number) => {
      for (; taken < count; taken++) {
        await page.getByTestId('run-step').click();
        await until(
          `step ${taken + 1}`,
          () =>
            page.evaluate(() =>
              (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts.runs(),
            ),
          (runs) => runs.length === before + 1 && runs.at(-1)!.step === taken + 1,
        );
      }
    };
    await stepped(6);
    await page.getByTestId('landscape-toggle').click(); // opening it computes the landscape
    await until(
      'the first landscape',
      () => hook<number>(page, 'lastStep()'),
      (v) => v === 6,
    );
    const progress = page.getByTestId('landscape-progress');
    await until(
      'the surface to be computed',
      () => progress.count(),
      (n) => n === 0,
    );
    await stepped(9);
    // The paths grow to the head; no surface computation (no progress bar) in between.
    let sawProgress = false;
    await until(
      'the path to grow',
      async () => {
        sawProgress ||= await progress.isVisible();
        return hook<number>(page, 'lastStep()');
      },
      (v) => v === 9,
    );
    expect(sawProgress).toBe(false);
    await app.screenshot('landscape-live-paths');
    await page.getByTestId('run-stop').click();
    expect(ownErrors(app)).toEqual([]);
  });
  it('clears the previous graph at once: lr-too-big, then skip-connections; switches views', async () => {
    const { page } = app;
    const runsOf = () =>
      page.evaluate(() =>
        (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts
          .runs()
          .map((r) => ({ name: r.name, phase: r.phase })),
      );
    const drawn = () => hook<{ runs: string[]; surface: boolean }>(page, 'drawn()');
    const openExample = async (name: RegExp) => {
      await page.getByTestId('landscape-toggle').click(); // back to the graph
      await page.getByRole('button', { name: 'Examples' }).click();
      await page.getByRole('menuitem', { name }).click();
    };
    const finished = (prefix: string) =>
      until(
        `${prefix} runs to finish`,
        runsOf,
        (runs) => {
          const own = runs.filter((r) => r.name.startsWith(prefix));
          return own.length > 0 && own.every((r) => r.phase !== 'running' && r.phase !== 'loaded');
        },
        90_000,
      );

    await openExample(/lr-too-big/);
    await page.getByTestId('run-run').click();
    await finished('fine');
    await page.getByTestId('landscape-toggle').click();
    await until('the lr-too-big landscape', drawn, (d) => d?.runs.join() === 'fine,tooBig');
    await page.getByTestId('landscape-progress').waitFor({ state: 'detached' });
    // Log height: the colorbar's labels are the log-spaced losses its colours mean.
    await page.getByLabel('Height scale').selectOption('log');
    expect(await page.getByTestId('landscape-colorbar').textContent()).toMatch(/^loss \(log\)/);
    const labels = (await page.$$eval('.lv-colorbar-ticks span', (els) =>
      els.map((e) => Number(e.textContent)),
    )) as number[];
    const ratios = labels.slice(1).map((v, k) => v / labels[k]!);
    expect(labels).toHaveLength(6);
    expect(ratios[0]!).toBeGreaterThan(1.5);
    for (const r of ratios) expect(r / ratios[0]!).toBeGreaterThan(0.93);
    for (const r of ratios) expect(r / ratios[0]!).toBeLessThan(1.07);
    await drawn2(page);
    await app.screenshot('landscape-lr-too-big-log');

    await openExample(/skip-connections/);
    // Every frame from here on is recorded: sampling could miss a short computing state.
    await recordViewerFrames(page);
    await page.getByTestId('run-run').click();
    await page.getByTestId('landscape-toggle').click();
    // From the first frame on: no path or caption of lr-too-big, a computing state instead.
    const first = (await drawn())!;
    expect(first.runs.filter((r) => r === 'fine' || r === 'tooBig')).toEqual([]);
    for (const caption of await page.getByTestId('landscape-caption').allTextContents()) {
      expect(caption).not.toMatch(/plane|surface/);
    }
    await app.screenshot('landscape-computing');
    await until('the skip-connections landscape', drawn, (d) => d?.runs.join() === 'plain', 90_000);
    const frames = await stopViewerFrames(page);
    await app.screenshot('landscape-skip-plain');
    const stale = frames.filter(
      (f) =>
        f.runs.some((r) => r === 'fine' || r === 'tooBig') ||
        f.labels.some((l) => /fine|tooBig/.test(l)),
    );
    // A computing state until the new landscape arrived, and never lr-too-big's paths.
    const firstDrawn = frames.findIndex((f) => f.runs.join() === 'plain');
    expect(frames.slice(0, Math.max(firstDrawn, 1)).some((f) => f.computing)).toBe(true);
    expect(stale).toEqual([]);
    await finished('plain');
    const progress = page.getByTestId('landscape-progress');
    await until(
      'the plain landscape to be computed',
      () => progress.count(),
      (n) => n === 0,
      90_000,
    );

    // Two view.landscape blocks, side by side; one at a time: choose the residual MLP's.
    expect(await page.getByTestId('landscape-pane').count()).toBe(2);
    await page.getByTestId('landscape-side-by-side').click();
    const select = page.getByTestId('landscape-view-select');
    expect(await select.locator('option').allTextContents()).toEqual([
      'landscape-plain',
      'landscape-residual',
    ]);
    await select.selectOption('landscape-residual');
    await until('the residual landscape', drawn, (d) => d?.runs.join() === 'residual', 90_000);
    await until(
      'the residual landscape to be computed',
      () => progress.count(),
      (n) => n === 0,
      90_000,
    );
    expect(await page.getByTestId('landscape-caption').textContent()).toMatch(
      /^landscape-residual · random plane/,
    );
    await drawn2(page);
    await app.screenshot('landscape-skip-residual');
    await select.selectOption('landscape-plain');
    await until('the plain landscape again', drawn, (d) => d?.runs.join() === 'plain', 90_000);
    expect(ownErrors(app)).toEqual([]);
  });

  it('fits a short viewer: canvas refit, recorder scrolls inside, caption below the stage', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1100, height: 720 });
    await page.getByRole('button', { name: '● Record' }).click();
    await page.getByTestId('landscape-recorder').waitFor();
    await drawn2(page); // the canvas refits on the next frame
    const fit = await page.evaluate(() => {
      const stage = document.querySelector('.lv-stage')!.getBoundingClientRect();
      const canvas = document.querySelector<HTMLCanvasElement>('.lv-stage canvas')!;
      const recorder = document.querySelector('.lv-recorder')!;
      const caption = document.querySelector('.lv-caption')!.getBoundingClientRect();
      return {
        ratio: canvas.width / canvas.clientWidth,
        aspect: canvas.width / canvas.height,
        cssAspect: canvas.clientWidth / canvas.clientHeight,
        recorderBottom: recorder.getBoundingClientRect().bottom,
        scrolls: recorder.scrollHeight > recorder.clientHeight,
        stageBottom: stage.bottom,
        captionTop: caption.top,
      };
    });
    expect(fit.aspect).toBeCloseTo(fit.cssAspect, 1);
    expect(fit.recorderBottom).toBeLessThanOrEqual(fit.stageBottom);
    expect(fit.scrolls).toBe(true);
    expect(fit.captionTop).toBeGreaterThanOrEqual(fit.stageBottom - 0.5);
    await app.screenshot('landscape-short');
    await page.getByRole('button', { name: 'Close recorder' }).click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
