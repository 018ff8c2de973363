/**
 * Time to the first landscape picture in the web app, measured inside the page: from the click
 * that opens the viewer (which asks for the landscape) to the first animation frame that draws
 * a surface (the coarse level), and to the first frame that draws the whole grid. Shared by
 * the e2e test (tests/e2e/first-picture.e2e.ts, printed) and `npm run bench -- first-picture`.
 * The page must have finished a run of the graph shown. Code sent to the page is a string:
 * tsx (the bench) compiles functions with helpers the page does not have.
 */
import type { Page } from 'playwright-core';
import { until } from '../support/until';
import type { BenchRow } from './report';
import { openWebApp } from './webApp';

export interface FirstPicture {
  /** ms from the click to the first frame with a surface (the coarse level). */
  readonly coarseMs: number;
  /** ms from the click to the first frame with every grid point. */
  readonly fullMs: number;
  /** The progress bar on that first frame (the share of the grid computed, 80 % = all). */
  readonly coarseProgress: string;
}

// The surface is the first 80 % of the progress bar ("surface 80%" = every point); after it
// come the paths, interpolations and curvature, with the whole surface already drawn.
const RECORDER = `(() => {
  const rec = { asked: null, coarse: null, coarseProgress: '', full: null };
  window.__firstPicture = rec;
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (rec.asked === null && target && target.closest('[data-testid="landscape-toggle"]')) {
      rec.asked = performance.now();
    }
  }, true);
  const tick = () => {
    const hook = window.__atlasLandscape;
    if (rec.asked !== null && hook && hook.drawn().surface) {
      const at = performance.now() - rec.asked;
      const bar = document.querySelector('[data-testid="landscape-progress"]');
      const progress = bar ? bar.textContent.trim() : 'done';
      if (rec.coarse === null) {
        rec.coarse = at;
        rec.coarseProgress = progress;
      }
      if (!/^(setup|surface)/.test(progress) || /^surface 80%/.test(progress)) rec.full = at;
    }
    if (rec.full === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

type Recorded = { coarse: number | null; coarseProgress: string; full: number | null } | null;

/**
 * Clicks the viewer open and resolves once the whole surface is drawn. `wait` polls (the e2e
 * test's `untilOn(page)`, or a plain loop in the bench).
 */
export async function measureFirstPicture(
  page: Page,
  wait: (
    what: string,
    read: () => Promise<Recorded>,
    ok: (r: Recorded) => boolean,
  ) => Promise<Recorded>,
): Promise<FirstPicture> {
  await page.evaluate(RECORDER);
  await page.getByTestId('landscape-toggle').click();
  const done = await wait(
    'the whole surface to be drawn',
    () => page.evaluate('window.__firstPicture') as Promise<Recorded>,
    (r) => r?.full != null,
  );
  return { coarseMs: done!.coarse!, fullMs: done!.full!, coarseProgress: done!.coarseProgress };
}

/** `npm run bench -- first-picture`: the quickstart in the built web app, wasm in its worker. */
export async function benchFirstPicture(): Promise<BenchRow[]> {
  const app = await openWebApp();
  try {
    const { page } = app;
    // Past the start page, as every launch after the first: the quickstart opens.
    await page.evaluate(`localStorage.setItem('gradient-atlas:start-page-seen', '1')`);
    await page.reload();
    await page.getByTestId('app-shell').waitFor({ timeout: 20_000 });
    const frame = () => page.evaluate('new Promise((r) => requestAnimationFrame(() => r(0)))');
    await page.getByTestId('run-run').click();
    await until(
      'the quickstart to finish',
      () => page.evaluate('window.__atlasCharts.runs().map((r) => r.phase).join()'),
      (phases) => phases === 'completed',
      { pace: frame, limitMs: 240_000 },
    );
    const p = await measureFirstPicture(page, (what, read, ok) =>
      until(what, read, ok, { pace: frame, limitMs: 120_000 }),
    );
    return [
      {
        bench: `first landscape picture, quickstart: coarse (${p.coarseProgress})`,
        a: `${p.coarseMs.toFixed(0)} ms`,
        b: 'target 1000 ms',
        ratio: p.coarseMs / 1000,
        target: '≤ 1.00×',
      },
      {
        bench: 'first landscape picture, quickstart: whole 41×41 grid',
        a: `${p.fullMs.toFixed(0)} ms`,
        b: 'target 2500 ms',
        ratio: p.fullMs / 2500,
        target: '≤ 1.00×',
      },
    ];
  } finally {
    await app.close();
  }
}
