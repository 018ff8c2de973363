/**
 * The Hessian spectrum view, live: a graph with metric.hessianDensity is dropped on the canvas
 * and run; the view appears, follows the run's steps while it trains, and its scrubber moves
 * the shared cursor back to an earlier measurement. Screenshot: test-results/spectrum-live.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, blocking } from './support/axe';
import { type AppSession, openApp } from './support/browser';
import { dropFile } from './support/editor';

const node = (id: string, type: string, params: Record<string, unknown>, x: number, y: number) => ({
  id,
  type,
  params,
  position: { x, y },
});
const edge = (id: string, from: string, fromPort: string, to: string, toPort: string) => ({
  id,
  from: { node: from, port: fromPort },
  to: { node: to, port: toPort },
});

const GRAPH = {
  format: 'gradient-atlas/graph',
  version: 1,
  name: 'Hessian spectrum · moons · MLP',
  nodes: [
    node('data', 'dataset.moons', { samples: 200, noise: 0.1 }, 0, 100),
    node('mlp', 'model.mlp', { hidden: [12], activation: 'tanh' }, 250, 0),
    node('adam', 'optimizer.adam', { lr: 0.02 }, 250, 220),
    node('train', 'train', { epochs: 400, batchSize: 32 }, 500, 100),
    node('loss', 'metric.loss', { every: 1 }, 750, 0),
    node('eigs', 'metric.hessianEigs', { every: 10, k: 3 }, 750, 120),
    node('esd', 'metric.hessianDensity', { every: 10, steps: 24 }, 750, 240),
  ],
  edges: [
    edge('e1', 'data', 'dataset', 'train', 'dataset'),
    edge('e2', 'mlp', 'model', 'train', 'model'),
    edge('e3', 'adam', 'optimizer', 'train', 'optimizer'),
    edge('e4', 'train', 'run', 'loss', 'run'),
    edge('e5', 'train', 'run', 'eigs', 'run'),
    edge('e6', 'train', 'run', 'esd', 'run'),
  ],
};

const stepOf = (text: string | null) => Number(/step (\d+)/.exec(text ?? '')?.[1] ?? Number.NaN);

describe('Hessian spectrum view (web mode)', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({ width: 1600, height: 1000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the spectral density live during a run, with κ and the negative fraction, and scrubs', async () => {
    const { page } = app;
    await dropFile(page, 'spectrum.json', JSON.stringify(GRAPH));
    await page.getByTestId('run-run').click();
    const view = page.getByTestId('spectrum-view');
    await view.waitFor({ state: 'visible', timeout: 60_000 });
    const stepText = page.getByTestId('spectrum-step');
    await expect
      .poll(async () => stepOf(await stepText.textContent()), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(0);
    const first = stepOf(await stepText.textContent());
    // Live: a later measurement replaces it while the run trains.
    await expect
      .poll(async () => stepOf(await stepText.textContent()), { timeout: 90_000, interval: 200 })
      .toBeGreaterThan(first);
    expect(await stepText.textContent()).toMatch(/live/);
    await expect
      .poll(async () => stepOf(await stepText.textContent()), { timeout: 90_000, interval: 200 })
      .toBeGreaterThanOrEqual(30);
    const stats = page.getByTestId('spectrum-stats');
    expect(await stats.getByTestId('spectrum-condition').textContent()).toMatch(
      /κ = λmax\/λmin (indefinite|[\d.e+-]+)/,
    );
    expect(await stats.getByTestId('spectrum-negative').textContent()).toMatch(
      /negative \d+\.\d %/,
    );
    const canvas = view.locator('canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await expect.poll(() => view.locator('.spectrum-readout').textContent()).toMatch(/λ = .* mass/);
    await app.screenshot('spectrum-live');
    // A new panel is audited like every view: no serious or critical violation.
    expect(blocking(await audit(page, 'spectrum view')).map((f) => f.id)).toEqual([]);
    // The scrubber moves the shared cursor to the first measurement: the view stops following.
    const scrubber = page.getByTestId('spectrum-scrubber');
    await scrubber.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => stepText.textContent()).toBe('step 0');
    await app.screenshot('spectrum-scrubbed');
    await page.getByTestId('run-stop').click();
    expect(app.errors).toEqual([]);
  });
});
