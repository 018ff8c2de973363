/**
 * Side-by-side landscapes, as a user meets them: open skip-connections from the Examples menu,
 * run it, open the landscape and see Li et al.'s figure: the plain MLP's landscape beside the
 * residual one, each pane with its own runs and caption. The cameras are synced: orbiting one
 * pane with the mouse moves the other to the same pose, zooming the other moves the first, and
 * a preset applies to both. One colour scale spans both panes (one colour bar, one range: the
 * union of the two surfaces); turned off, each pane gets its own. Switching side by side off
 * leaves one pane and a chooser. No console errors. Screenshots:
 * test-results/landscape-side-by-side*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraPose } from '../../src-renderer/landscape/cameraLink';
import { type AppSession, nextFrame, openApp, untilOn } from './support/browser';
import { runsEnded } from './support/runs';

type Scale = { mode: string; lo: number; hi: number };
type Drawn = { runs: string[]; surface: boolean };

/** Calls pane `pane`'s test hook (an expression on `h`), null before the pane exists. */
const paneHook = <T>(page: Page, pane: number, call: string) =>
  page.evaluate(
    `(() => { const h = (window.__atlasLandscapePanes || [])[${pane}]; return h ? h.${call} : null; })()`,
  ) as Promise<T | null>;

const ownErrors = (session: AppSession) =>
  session.errors.filter((e) => !/Loading the font 'data:font/.test(e));

/** Largest coordinate difference between two poses. */
function poseGap(a: CameraPose, b: CameraPose): number {
  return Math.max(
    ...a.position.map((v, k) => Math.abs(v - b.position[k]!)),
    ...a.target.map((v, k) => Math.abs(v - b.target[k]!)),
  );
}

const distance = (p: CameraPose) => Math.hypot(...p.position.map((v, k) => v - p.target[k]!));

describe('landscapes side by side (skip vs no skip) with synced cameras', () => {
  let app: AppSession;
  const until: ReturnType<typeof untilOn> = (what, read, ok, ms = 120_000) =>
    untilOn(app.page)(what, read, ok, ms);
  const poses = async () =>
    [
      (await paneHook<CameraPose>(app.page, 0, 'pose()'))!,
      (await paneHook<CameraPose>(app.page, 1, 'pose()'))!,
    ] as const;
  const scales = async () =>
    [
      (await paneHook<Scale>(app.page, 0, 'scale()'))!,
      (await paneHook<Scale>(app.page, 1, 'scale()'))!,
    ] as const;
  /** Waits until both panes show the same pose, and returns it. */
  const synced = (what: string, moved: (p: CameraPose) => boolean = () => true) =>
    until(what, poses, ([a, b]) => !!a && !!b && poseGap(a, b) < 1e-6 && moved(a)).then(([a]) => a);

  beforeAll(async () => {
    app = await openApp({ width: 1440, height: 900 }, '?maxSteps=60&landscapeGrid=25');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens skip-connections in two panes, each with its own runs and caption', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /skip-connections/ }).click();
    await page.getByTestId('run-run').click();
    await runsEnded(page, 2);
    await page.getByTestId('landscape-toggle').click();
    for (const [pane, run] of [
      [0, 'plain'],
      [1, 'residual'],
    ] as const) {
      await until(
        `pane ${pane}: the ${run} landscape`,
        () => paneHook<Drawn>(page, pane, 'drawn()'),
        (d) => !!d?.surface && d.runs.join() === run,
      );
    }
    await until(
      'both landscapes computed',
      () => page.getByTestId('landscape-progress').count(),
      (n) => n === 0,
    );
    // The dashboard opened itself with the run; fold it to look at the landscapes.
    const dock = page.getByTestId('run-dock').getByRole('button', { name: /Dashboard/ });
    if ((await dock.getAttribute('aria-expanded')) === 'true') {
      await dock.click();
      await until(
        'the dashboard to fold',
        () => dock.getAttribute('aria-expanded'),
        (v) => v === 'false',
      );
      // The panes refit to their new size on the next frames.
      await nextFrame(page);
      await nextFrame(page);
    }
    const panes = page.getByTestId('landscape-pane');
    expect(await panes.count()).toBe(2);
    expect(await panes.evaluateAll((els) => els.map((e) => e.getAttribute('data-view')))).toEqual([
      'landscape-plain',
      'landscape-residual',
    ]);
    const legends = await panes.evaluateAll((els) =>
      els.map((e) => [...e.querySelectorAll('.lv-runs label')].map((l) => l.textContent)),
    );
    // Each pane's legend names its own run (as the runs table does: "plain #1").
    expect(legends.map((l) => l.length)).toEqual([1, 1]);
    expect(legends[0]![0]).toMatch(/^plain\b/);
    expect(legends[1]![0]).toMatch(/^residual\b/);
    const captions = await page.getByTestId('landscape-caption').allTextContents();
    expect(captions[0]).toMatch(/^landscape-plain · random plane/);
    expect(captions[1]).toMatch(/^landscape-residual · random plane/);
    // Both panes side by side, of one size, neither overlapping the other.
    const boxes = await panes.evaluateAll((els) =>
      els.map((e) => {
        const r = e.querySelector('.lv-stage')!.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width, height: r.height };
      }),
    );
    expect(boxes[0]!.right).toBeLessThanOrEqual(boxes[1]!.left + 0.5);
    expect(Math.abs(boxes[0]!.width - boxes[1]!.width)).toBeLessThan(2);
    expect(boxes[0]!.height).toBeGreaterThan(300);
    // Each pane framed: its surface covers a good share of its own stage.
    for (const pane of [0, 1]) {
      const footprint = (await paneHook<{ fraction: number; edges: string[] }>(
        page,
        pane,
        'surfaceFootprint()',
      ))!;
      console.log(
        `pane ${pane}: surface ${(footprint.fraction * 100).toFixed(1)}%, edges [${footprint.edges.join(', ')}]`,
      );
      expect(footprint.fraction).toBeGreaterThan(0.2);
      expect(footprint.fraction).toBeLessThan(0.85);
      expect(footprint.edges.length).toBeLessThanOrEqual(1);
    }
    await synced('the panes to open at one pose');
    await nextFrame(page);
    await app.screenshot('landscape-side-by-side');
    expect(ownErrors(app)).toEqual([]);
  });

  it('orbiting one pane moves the other; zooming the other moves the first; presets apply to both', async () => {
    const { page } = app;
    const [before] = await poses();
    const canvases = page.getByTestId('landscape-canvas');
    const box = (await canvases.nth(0).boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 160, y + 30, { steps: 10 });
    await page.mouse.up();
    const orbited = await synced(
      'the right pane to follow the orbit of the left one',
      (p) => poseGap(p, before!) > 0.1,
    );
    // An orbit keeps the distance to the target.
    expect(distance(orbited)).toBeCloseTo(distance(before!), 1);
    await nextFrame(page);
    await app.screenshot('landscape-side-by-side-orbit');

    const right = (await canvases.nth(1).boundingBox())!;
    await page.mouse.move(right.x + right.width / 2, right.y + right.height / 2);
    await page.mouse.wheel(0, -400);
    const zoomed = await synced(
      'the left pane to follow the zoom of the right one',
      (p) => distance(p) < distance(orbited) * 0.97,
    );
    expect(distance(zoomed)).toBeLessThan(distance(orbited));

    await page.getByRole('button', { name: 'Top', exact: true }).click();
    const top = await synced('both panes to look from the top', (p) => {
      const [dx, dy, dz] = p.position.map((v, k) => v - p.target[k]!);
      return dy! > 0 && Math.hypot(dx!, dz!) < 1e-2 * dy!;
    });
    expect(top.position[1]).toBeGreaterThan(top.target[1]);
    await page.getByRole('button', { name: 'Iso', exact: true }).click();
    await synced('both panes back at the iso view', (p) => poseGap(p, top) > 0.1);
    expect(ownErrors(app)).toEqual([]);
  });

  it('one colour scale spans both panes by default; turned off, each pane has its own', async () => {
    const { page } = app;
    const cap = page.getByRole('button', { name: 'Cap', exact: true });
    // Without the robust cap the ranges are exact: the union's is [min of los, max of his].
    if ((await cap.getAttribute('aria-pressed')) === 'true') await cap.click();
    const shared = page.getByTestId('landscape-shared-scale');
    expect(await shared.getAttribute('aria-pressed')).toBe('true');
    const [a, b] = await until(
      'both panes on one scale',
      scales,
      ([p, q]) => !!p && !!q && p.lo === q.lo && p.hi === q.hi,
    );
    expect(a.mode).toBe(b.mode);
    const bars = page.getByTestId('landscape-colorbar');
    expect(await bars.count()).toBe(1);
    const sharedBar = await bars.textContent();
    await nextFrame(page);
    await app.screenshot('landscape-side-by-side-shared-scale');

    await shared.click();
    expect(await shared.getAttribute('aria-pressed')).toBe('false');
    const [p, q] = await until(
      'each pane on its own scale',
      scales,
      ([s, t]) => !!s && !!t && (s.lo !== t.lo || s.hi !== t.hi),
    );
    console.log(
      `scales: shared [${a.lo}, ${a.hi}] (${a.mode}); plain [${p.lo}, ${p.hi}], residual [${q.lo}, ${q.hi}]`,
    );
    expect(a.lo).toBeCloseTo(Math.min(p.lo, q.lo), 5);
    expect(a.hi).toBeCloseTo(Math.max(p.hi, q.hi), 3);
    expect(await bars.count()).toBe(2);
    const own = await bars.allTextContents();
    expect(own[0]).not.toBe(own[1]);
    // At most one pane's own range can be the union.
    expect(own.filter((t) => t !== sharedBar).length).toBeGreaterThanOrEqual(1);
    await nextFrame(page);
    await app.screenshot('landscape-side-by-side-own-scales');
    await shared.click();
    await until(
      'one colour bar again',
      () => bars.count(),
      (n) => n === 1,
    );
    expect(ownErrors(app)).toEqual([]);
  });

  it('side by side off: one pane and a chooser; on again: two panes', async () => {
    const { page } = app;
    const toggle = page.getByTestId('landscape-side-by-side');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await until(
      'one pane',
      () => page.getByTestId('landscape-pane').count(),
      (n) => n === 1,
    );
    expect(await page.getByTestId('landscape-view-select').inputValue()).toBe('landscape-plain');
    await toggle.click();
    await until(
      'two panes',
      () => page.getByTestId('landscape-pane').count(),
      (n) => n === 2,
    );
    await until(
      'the residual pane drawn again',
      () => paneHook<Drawn>(page, 1, 'drawn()'),
      (d) => !!d?.surface && d.runs.join() === 'residual',
    );
    await synced('the panes at one pose again');
    expect(ownErrors(app)).toEqual([]);
  });
});
