/**
 * Running pipelines from the app in web mode: the engine in a Web Worker, run controls, live
 * tweaks, the dashboard's charts (read as numbers through window.__atlasCharts), CSV export,
 * the optimizer race and divergence. Screenshots go to test-results/run-*.png.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartsTestHook } from '../../src-renderer/dashboard/testHook';
import { type AppSession, openApp, RESULTS_DIR, untilOn } from './support/browser';

type ChartView = NonNullable<ReturnType<ChartsTestHook['chart']>>;
type RunView = ReturnType<ChartsTestHook['runs']>[number];

function chart(page: Page, metric: string): Promise<ChartView | null> {
  return page.evaluate(
    (m) => (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts.chart(m),
    metric,
  );
}

function runs(page: Page): Promise<RunView[]> {
  return page.evaluate(() =>
    (globalThis as unknown as { __atlasCharts: ChartsTestHook }).__atlasCharts.runs(),
  );
}

/** Records, in the page, when each engine message arrives (wraps the Worker it creates). */
function recordEngineMessages(): void {
  const log: { t: number; type: string; state?: string; steps?: number }[] = [];
  (globalThis as unknown as { __engineLog: typeof log }).__engineLog = log;
  const Base = globalThis.Worker;
  globalThis.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent) => {
        const m = event.data as { type: string; state?: string; events?: { type: string }[] };
        const steps = m.events?.filter((e) => e.type === 'step').length;
        log.push({ t: performance.now(), type: m.type, state: m.state, steps });
      });
    }
  };
}

type Control = 'pause' | 'step' | 'stop';
interface Latency {
  control: Control;
  /** Click to the engine's answer arriving in the page (paused, a step, finished). */
  engineMs: number | null;
  /** Click to the UI showing it. */
  shownMs: number;
  /** Steps the UI showed after the click (in flight when it was made, or the step asked for). */
  stepsAfter: number;
}

/**
 * Clicks a run control inside the page and times, with the page's performance.now, how long
 * until the engine answers and until the UI shows the effect (checked on every frame).
 */
function clickToEffect(page: Page, control: Control): Promise<Latency> {
  return page.evaluate((control) => {
    type Run = { step: number; phase: string };
    type Log = { t: number; type: string; state?: string; steps?: number }[];
    const g = globalThis as unknown as {
      __atlasCharts: { runs(): Run[] };
      __engineLog: Log;
    };
    const last = () => g.__atlasCharts.runs().at(-1)!;
    const status = () => document.querySelector('[data-testid="engine-status"]')?.textContent ?? '';
    const before = last().step;
    const seen = g.__engineLog.length;
    const shown = () => {
      if (control === 'pause') return status().includes('paused') && last().phase === 'paused';
      if (control === 'step') return last().step > before;
      return last().phase !== 'running' && last().phase !== 'paused';
    };
    const answer = (m: Log[number]) =>
      control === 'pause'
        ? m.state === 'paused'
        : control === 'step'
          ? (m.steps ?? 0) > 0
          : m.state === 'finished';
    return new Promise<Latency>((resolve) => {
      const t0 = performance.now();
      document.querySelector<HTMLButtonElement>(`[data-testid="run-${control}"]`)!.click();
      const tick = () => {
        if (!shown()) {
          requestAnimationFrame(tick);
          return;
        }
        const engine = g.__engineLog.slice(seen).find(answer);
        resolve({
          control,
          engineMs: engine ? engine.t - t0 : null,
          shownMs: performance.now() - t0,
          stepsAfter: last().step - before,
        });
      };
      requestAnimationFrame(tick);
    });
  }, control);
}

/** The drawn (smoothed, if smoothing is on) values of one run's line. */
function lineOf(view: ChartView, key: string): number[] {
  const index = view.lines.findIndex((l) => l.key === key && !l.raw);
  return (view.ys[index] ?? []).filter((v): v is number => v !== null);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function openExample(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: title }).click();
}

const engineStatus = (page: Page) => page.getByTestId('engine-status').textContent();

describe('running pipelines (web mode)', () => {
  let app: AppSession;
  const latencies: Latency[] = [];
  const until = <T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms?: number) =>
    untilOn(app.page)(what, read, ok, ms);

  beforeAll(async () => {
    app = await openApp({ width: 1600, height: 1000 });
    await app.page.context().addInitScript(recordEngineMessages);
    await app.reload(); // a tab with the recorder installed before the app starts its engine
    app.page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await app?.close();
    if (latencies.length === 0) return;
    const lines = latencies.map(
      (l) =>
        `${l.control}: click → engine ${l.engineMs === null ? '—' : l.engineMs.toFixed(0)} ms, ` +
        `→ shown ${l.shownMs.toFixed(0)} ms (${l.stepsAfter} steps shown after the click)`,
    );
    console.log(`run control latency (measured in the page):\n  ${lines.join('\n  ')}`);
    await writeFile(join(RESULTS_DIR, 'run-control-latency.json'), JSON.stringify(latencies));
  });

  it('runs the quickstart in a worker and the loss chart falls; pause, tweak lr, resume', async () => {
    const { page } = app;
    const backend = await until(
      'the engine to start',
      () => page.getByTestId('engine-backend').textContent(),
      (t) => t !== 'starting…',
    );
    const reason = await page.getByTestId('engine-backend').getAttribute('title');
    expect(`${backend} (${reason})`).toMatch(/^wasm · worker \(/);

    await page.keyboard.press('F10'); // loads paused and takes one step
    await until(
      'the first step',
      () => runs(page),
      (r) => r.length === 1 && r[0]!.step >= 1,
    );
    expect(await engineStatus(page)).toContain('paused');
    await page.getByTestId('run-run').click(); // Resume
    const key = (await runs(page))[0]!.key;
    const early = await until(
      '100 loss points',
      () => chart(page, 'loss'),
      (c) => (c?.x.length ?? 0) >= 100,
    );
    latencies.push(await clickToEffect(page, 'pause'));
    expect(await engineStatus(page)).toContain('paused');
    expect((await runs(page))[0]!.phase).toBe('paused');
    const pausedAt = (await runs(page))[0]!.step;
    const stepped = await clickToEffect(page, 'step');
    latencies.push(stepped);
    expect((await runs(page))[0]).toMatchObject({ phase: 'paused', step: pausedAt + 1 });
    const view = (await chart(page, 'loss'))!;
    const rawIndex = view.lines.findIndex((l) => l.key === key && l.raw);
    const raw = view.ys[rawIndex]!.filter((v): v is number => v !== null);
    expect(raw.length).toBeGreaterThanOrEqual(100);
    // Minibatch losses are noisy: compare the means of the first and last 20 steps.
    expect(mean(raw.slice(-20))).toBeLessThan(mean(raw.slice(0, 20)));
    const smooth = lineOf(view, key);
    expect(smooth.at(-1)).toBeLessThan(smooth[0]!);
    expect(early!.lines.some((l) => l.key === key)).toBe(true);
    await app.screenshot('run-quickstart-paused');

    // Live tweak: Adam's lr, edited in the inspector while paused.
    await page.locator('.react-flow__node').filter({ hasText: 'Adam' }).first().click();
    const lr = page.getByTestId('inspector-node').getByLabel('lr', { exact: true });
    await lr.fill('0.003');
    await lr.press('Enter');
    await page.keyboard.press('F5'); // Resume
    const marked = await until(
      'the lr change on the chart',
      () => chart(page, 'loss'),
      (c) => (c?.marks ?? []).some((m) => m.label === 'lr=0.003'),
    );
    const mark = marked!.marks.find((m) => m.label === 'lr=0.003')!;
    expect(mark.x).toBeGreaterThan(0);
    await until(
      'more steps after the change',
      () => chart(page, 'loss'),
      (c) => (c?.x.at(-1) ?? 0) > mark.x + 5,
    );
    await app.screenshot('run-quickstart-tweaked');
    const boundary = page.getByTestId('decision-boundary');
    expect(Number(await boundary.getAttribute('data-step'))).toBeGreaterThan(0);

    // Stop it, unless this fast machine has already finished the whole run.
    const stop = page.getByTestId('run-stop');
    if (await stop.isEnabled()) latencies.push(await clickToEffect(page, 'stop'));
    const ended = await until(
      'the run to end',
      () => runs(page),
      (r) => !['running', 'paused'].includes(r[0]!.phase),
    );
    // Stopped, or completed when its last step came before the Stop click took effect.
    const firstEnd = ended![0]!.phase;
    expect(['stopped', 'completed']).toContain(firstEnd);

    // A data edit cannot reach a running run: the dashboard offers a restart.
    await page.keyboard.press('F10'); // a new run, paused after one step
    await until(
      'the second run',
      () => runs(page),
      (r) => r.length === 2 && r[1]!.phase === 'paused',
    );
    await page.locator('.react-flow__node').filter({ hasText: 'Spiral' }).first().click();
    const samples = page.getByTestId('inspector-node').getByLabel('samples', { exact: true });
    await samples.fill('300');
    await samples.press('Enter');
    const notice = page.getByTestId('run-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain("dataset.spiral 'data'.samples changed");
    await app.screenshot('run-restart-offered');
    await notice.getByRole('button', { name: 'Restart run' }).click();
    const restarted = await until(
      'the restarted run',
      () => runs(page),
      (r) => r.length === 3 && r[2]!.step > 0,
    );
    expect(restarted.map((r) => [r.key, r.phase === 'running' ? 'live' : r.phase])).toEqual([
      ['1/train', firstEnd],
      ['2/train', 'stopped'],
      ['3/train', 'live'],
    ]);
    await page.getByTestId('run-stop').click();
    await until(
      'the run to stop',
      () => runs(page),
      (r) => r[2]!.phase !== 'running',
    );
    expect(app.errors).toEqual([]);
  });

  it('races six optimizers on Rosenbrock: one line per optimizer; exports their metrics as CSV', async () => {
    const { page } = app;
    await openExample(page, /rosenbrock-race/);
    const before = (await runs(page)).length;
    await page.getByTestId('run-run').click();
    const race = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'newton'];
    const done = await until(
      'the race to finish',
      () => runs(page),
      (r) => r.slice(before).filter((x) => x.phase !== 'running').length === race.length,
      60_000,
    );
    const raceRuns = done.slice(before);
    expect(raceRuns.map((r) => r.key.split('/')[1]).sort()).toEqual([...race].sort());
    const view = await until(
      'all lines drawn',
      () => chart(page, 'loss'),
      (c) => raceRuns.every((r) => (c?.lines ?? []).some((l) => l.key === r.key && !l.raw)),
    );
    for (const r of raceRuns) {
      expect(view!.lines.filter((l) => l.key === r.key && !l.raw)).toHaveLength(1);
      expect(lineOf(view!, r.key).length).toBeGreaterThan(0);
    }
    // Six readable curves: Newton's 1e-12 and its exact 0 do not flatten the other five, as
    // the chart shows 5 decades below its top (the example's setting) and says so.
    const spreadOf = (c: ChartView | null) => {
      if (!c?.logY) return 0;
      const decadesOf = (values: number[]) =>
        Math.log10(Math.max(...values)) - Math.log10(Math.min(...values));
      const others = raceRuns.filter((r) => !r.key.endsWith('/newton'));
      return (
        decadesOf(others.flatMap((r) => lineOf(c, r.key))) /
        decadesOf(raceRuns.flatMap((r) => lineOf(c, r.key)))
      );
    };
    const readable = await until(
      'the five slower optimizers to fill a third of the log axis',
      () => chart(page, 'loss'),
      (c) => spreadOf(c) > 0.3,
    );
    expect(readable!.note).toMatch(/^values below \S+ shown at /);
    await app.screenshot('run-rosenbrock-race');

    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await (await download).path();
    const rows = (await readFile(file, 'utf8')).trim().split('\n');
    expect(rows[0]).toBe('run,metric,step,epoch,time_s,value');
    const byRun = new Map<string, number>();
    for (const row of rows.slice(1)) {
      const [run, metric, step] = row.split(',');
      expect(['loss', 'lr', 'gradNorm', 'valLoss', 'valAccuracy', 'accuracy']).toContain(metric);
      expect(Number.isInteger(Number(step))).toBe(true);
      byRun.set(run!, (byRun.get(run!) ?? 0) + 1);
    }
    for (const r of raceRuns) {
      // loss, lr and gradNorm per step (a diverged run may stop early).
      expect(byRun.get(r.name)).toBe(3 * r.step + (r.phase === 'diverged' ? 3 : 0));
    }
    expect(app.errors).toEqual([]);
  });

  it('shows divergence where it happens: red node, run row, charts kept up to that step', async () => {
    const { page } = app;
    await openExample(page, /lr-too-big/);
    await page.getByTestId('run-run').click();
    const final = await until(
      'the too-big run to diverge',
      () => runs(page),
      (r) => r.some((x) => x.key.endsWith('/tooBig') && x.phase === 'diverged'),
    );
    const tooBig = final.find((x) => x.key.endsWith('/tooBig') && x.phase === 'diverged')!;
    const row = page.locator(`[data-testid="run-row"][data-run="${tooBig.key}"]`);
    const status = await row.getByTestId('run-status').textContent();
    expect(status).toMatch(/^diverged at step \d+$/);
    const k = Number(status!.replace(/\D+/g, ''));
    const badge = page
      .locator('.react-flow__node')
      .filter({ hasText: 'Train' })
      .locator('[data-phase="diverged"]');
    expect(await badge.count()).toBeGreaterThanOrEqual(1);
    const view = await until(
      'the diverged line',
      () => chart(page, 'loss'),
      (c) => (c?.lines ?? []).some((l) => l.key === tooBig.key),
    );
    const index =
      view!.lines.findIndex((l) => l.key === tooBig.key && l.raw) >= 0
        ? view!.lines.findIndex((l) => l.key === tooBig.key && l.raw)
        : view!.lines.findIndex((l) => l.key === tooBig.key);
    const points = view!.x.filter((_, i) => view!.ys[index]![i] !== null);
    expect(points.length).toBeGreaterThan(0);
    expect(Math.max(...points)).toBeLessThanOrEqual(k);
    await app.screenshot('run-divergence');
    expect(app.errors).toEqual([]);
  });
  it('saddle escape: negative losses stay drawn to the last step; earlier graphs hidden', async () => {
    const { page } = app;
    await openExample(page, /saddle/i);
    const before = (await runs(page)).length;
    await page.getByTestId('run-run').click();
    const done = await until(
      'the three runs to finish',
      () => runs(page),
      (r) => r.slice(before).length === 3 && r.slice(before).every((x) => x.phase !== 'running'),
      60_000,
    );
    const saddle = done.slice(before);
    const view = await until(
      'all three lines to their last step',
      () => chart(page, 'loss'),
      (c) =>
        saddle.every((r) => {
          if (!c) return false;
          const i = c.lines.findIndex((l) => l.key === r.key && !l.raw);
          const drawn = c.x.filter((_, k) => c.ys[i]?.[k] != null);
          return i >= 0 && drawn.at(-1) === r.step - 1;
        }),
    );
    // Only this graph's runs are on the chart (earlier examples' runs are hidden, not gone).
    expect(new Set(view!.lines.map((l) => l.key))).toEqual(new Set(saddle.map((r) => r.key)));
    expect((await runs(page)).length).toBe(done.length);
    expect(view!.ys.flat().some((v) => v !== null && v < 0)).toBe(true);
    expect(view!.logY).toBe(false);
    // Asking for log y stays log: values ≤ 0 sit at the smallest positive one, labelled.
    await page.getByTestId('log-y').first().click();
    const asked = await until(
      'the clamped log axis',
      () => chart(page, 'loss'),
      (c) => c?.note != null,
    );
    expect(asked!.logY).toBe(true);
    expect(asked!.note).toMatch(/^values ≤ 0 shown at /);
    // The chip re-renders on the chart's next draw.
    await until(
      'the chip to say so',
      () => page.getByTestId('log-y').first().textContent(),
      (t) => t?.includes('values ≤ 0 shown at') ?? false,
    );
    await app.screenshot('run-saddle-escape');
    expect(app.errors).toEqual([]);
  });

  it('paces a run to a slow steps/s, live, then lets it go at max', async () => {
    const { page } = app;
    await openExample(page, /rosenbrock-race/);
    const speed = page.getByTestId('run-speed');
    await speed.selectOption('10');
    const before = (await runs(page)).length;
    await page.getByTestId('run-run').click();
    const mine = async () => (await runs(page)).slice(before);
    await until('five paced steps', mine, (r) => r.length === 6 && r[0]!.step >= 5);
    await speed.selectOption('0'); // max, mid-run
    const done = await until(
      'the race to finish at max speed',
      mine,
      (r) => r.every((x) => x.phase !== 'running'),
      60_000,
    );
    // The engine's own clock says when each update began (the CSV's time_s). Paced, SGD's first
    // updates are at least 100 ms apart, however slow the machine; at max, some are closer.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const rows = (await readFile(await (await download).path(), 'utf8')).trim().split('\n');
    const sgd = done[0]!;
    const times = rows
      .map((row) => row.split(','))
      .filter(([run, metric]) => run === sgd.name && metric === 'loss')
      .map(([, , step, , time]) => ({ step: Number(step), time: Number(time) }))
      .sort((a, b) => a.step - b.step);
    expect(times).toHaveLength(sgd.step);
    const gaps = times.slice(1).map((t, k) => t.time - times[k]!.time);
    // Rounds 0–4 were paced 100 ms apart (start to start); each update reads the clock a
    // moment after its round began, so allow 50 ms in all for that.
    expect(times[4]!.time - times[0]!.time).toBeGreaterThanOrEqual(0.35);
    expect(Math.min(...gaps.slice(-100))).toBeLessThan(0.1);
    expect(app.errors).toEqual([]);
  });
});
