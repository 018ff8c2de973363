/**
 * Usable on the first day: a missing Train block is named once (with the palette entry that
 * adds it) and its cascade folds; the problem shows its block; a refused wire's reason sits
 * above everything on the canvas while the ports that would take the wire light up; five
 * blocks dropped at one spot do not overlap; an empty graph says so.
 * Screenshots: test-results/usability-*.png.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, openApp } from './support/browser';
import { dragBlockFromPalette, handleLocator, nodeLocator, selectBlock } from './support/editor';

/** The element's box once the view has stopped moving (two reads in a row agree). */
async function settledBox(locator: Locator) {
  let last = await locator.boundingBox();
  for (;;) {
    const next = await locator.boundingBox();
    if (next && last && next.x === last.x && next.y === last.y) return next;
    last = next;
  }
}

describe('usability (web mode)', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ width: 1440, height: 900 });
    app.page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('names a missing Train block once, folds what follows from it, and shows the block of a problem', async () => {
    const { page } = app;
    const train = page.locator('.react-flow__node:has([data-block-type="train"])');
    const trainId = (await train.first().getAttribute('data-id'))!;
    await selectBlock(page, trainId);
    await page.keyboard.press('Delete');
    await expect.poll(() => train.count()).toBe(0);

    await page.getByTestId('run-run').click();
    const notice = page.getByTestId('run-notice');
    const runNotice = (await notice.count()) > 0 ? await notice.textContent() : null;

    await page.getByTestId('graph-status').click();
    const panel = page.getByTestId('problems-panel');
    await panel.waitFor();
    const entries = panel.getByTestId('problem');
    expect(await entries.count()).toBe(1);
    const entry = entries.first();
    expect(await entry.textContent()).toContain('the graph has no Train block');
    const summary = entry.locator('summary');
    expect(await summary.textContent()).toMatch(/^\d+ more because Train is missing$/);
    await app.screenshot('usability-missing-train');
    if (runNotice !== null) expect(runNotice).toContain('Train');

    // A folded problem names its block and port; clicking it selects and focuses that block.
    await summary.click();
    const inner = entry.locator('details li button').first();
    const text = (await inner.textContent())!;
    expect(text).toMatch(/^(\S.*) "[^"]+" \(([\w.]+)\): the "runs?" input needs a wire/);
    await inner.click();
    const selected = page.locator('.react-flow__node.selected');
    await selected.waitFor();
    const id = (await selected.getAttribute('data-id'))!;
    expect(text).toContain(`"${id}"`);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id')))
      .toBe(id);
    // The badge on the block says the same, in the block's words.
    const badge = nodeLocator(page, id).locator('.block-badge');
    expect(await badge.getAttribute('title')).toMatch(/the "runs?" input needs a wire/);

    // The palette entry offered adds Train back; the missing-block problem goes.
    await entry.getByRole('button', { name: 'Add Train', exact: true }).click();
    await expect.poll(() => train.count()).toBe(1);
    await expect.poll(() => panel.getByText('the graph has no Train block').count()).toBe(0);
  });

  it('lights up the ports that take a dragged wire, and shows a refusal above the canvas', async () => {
    const { page } = app;
    await page.keyboard.press('Control+z'); // the Add Train
    await page.keyboard.press('Control+z'); // the delete: the quickstart is whole again
    await page.getByTestId('graph-status').getByText('Valid graph').waitFor();
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    const adam = page.locator('.react-flow__node:has([data-block-type="optimizer.adam"])');
    const adamId = (await adam.getAttribute('data-id'))!;
    const trainId = (await page
      .locator('.react-flow__node:has([data-block-type="train"])')
      .getAttribute('data-id'))!;
    const spiral = page.locator('.react-flow__node:has([data-block-type="dataset.spiral"])');
    const spiralId = (await spiral.getAttribute('data-id'))!;
    // From the spiral's dataset output: the MLP's and Train's dataset inputs are taken by it
    // already, so nothing lights among them; Train's model input is dimmed.
    const start = await settledBox(handleLocator(page, spiralId, 'dataset', 'source'));
    const end = await handleLocator(page, trainId, 'model', 'target').boundingBox();
    await page.mouse.move(start!.x + start!.width / 2, start!.y + start!.height / 2);
    await page.mouse.down();
    await page.mouse.move(start!.x + 60, start!.y + 40, { steps: 4 });
    expect(await handleLocator(page, trainId, 'model', 'target').getAttribute('class')).toContain(
      'is-dimmed',
    );
    await page.mouse.move(end!.x + end!.width / 2, end!.y + end!.height / 2, { steps: 8 });
    await page.mouse.up();
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('cannot feed');
    // Nothing on the canvas covers the refusal: the topmost element at its centre is inside it.
    const onTop = await notice.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const points = [
        [box.left + 8, box.top + box.height / 2],
        [box.left + box.width / 2, box.top + box.height / 2],
        [box.right - 8, box.top + box.height / 2],
      ];
      return points.every(([x, y]) => element.contains(document.elementFromPoint(x!, y!)));
    });
    expect(onTop).toBe(true);

    // While dragging from Adam's output, a second Train's optimizer input lights up.
    await page.getByRole('searchbox', { name: 'Search blocks' }).fill('train');
    const secondTrain = await dragBlockFromPalette(page, 'train', 'Train', { x: 700, y: 600 });
    const from = await handleLocator(page, adamId, 'optimizer', 'source').boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(from!.x + 80, from!.y + 60, { steps: 6 });
    const lit = handleLocator(page, secondTrain, 'optimizer', 'target');
    expect(await lit.getAttribute('class')).toContain('is-compatible');
    expect(
      await handleLocator(page, secondTrain, 'model', 'target').getAttribute('class'),
    ).toContain('is-dimmed');
    await app.screenshot('usability-wire-drag');
    await page.mouse.up();
  });

  it('drops five blocks at one spot without overlap; an empty graph says so', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    expect(await page.getByTestId('graph-status').textContent()).toContain('Empty graph');
    await app.screenshot('usability-empty');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(await dragBlockFromPalette(page, 'loss', 'Loss', { x: 500, y: 300 }));
    }
    const boxes = await Promise.all(ids.map((id) => nodeLocator(page, id).boundingBox()));
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart, `${ids[i]} and ${ids[j]} overlap`).toBe(true);
      }
    }
    await app.screenshot('usability-five-drops');
    expect(app.errors).toEqual([]);
  });

  it('fits readably: block text >= 11 px on screen, nothing covers a block, refits with the dashboard', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /rosenbrock-race/ }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(10);
    const layout = () =>
      page.evaluate(() => {
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
        const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
        const texts = [...document.querySelectorAll('.block span, .block div')].filter(
          (element) => element.childNodes.length > 0 && element.textContent?.trim(),
        );
        const smallest = Math.min(
          ...texts.map((t) => Number.parseFloat(getComputedStyle(t).fontSize)),
        );
        const host = document.querySelector('.canvas-host')!.getBoundingClientRect();
        const overlays = [
          ...document.querySelectorAll('.minimap, .port-legend, .canvas-controls, .canvas-toolbar'),
        ]
          .map((element) => element.getBoundingClientRect())
          .filter((rect) => rect.width > 0);
        const blocks = [...document.querySelectorAll('.react-flow__node-block')].map((element) =>
          element.getBoundingClientRect(),
        );
        // The blocks the fit placed in view: wholly above the bottom overlays (a graph too big
        // to read whole continues below them, a pan away).
        const bottomOverlays = overlays.filter((o) => o.top > host.top + host.height / 2);
        const floor = Math.min(host.bottom, ...bottomOverlays.map((o) => o.top));
        const fitted = blocks.filter(
          (b) => b.right > host.left && b.left < host.right && b.bottom <= floor,
        );
        const covered = fitted.filter((b) =>
          overlays.some(
            (o) => b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom,
          ),
        ).length;
        const overflow = blocks.some((b) => b.bottom > floor || b.right > host.right);
        return {
          zoom,
          onScreen: smallest * zoom,
          covered,
          overflow,
          fitted: fitted.length,
          height: host.height,
          transform: viewport.style.transform,
        };
      });
    const settled = async () => {
      let last = await layout();
      for (;;) {
        const next = await layout();
        if (next.transform === last.transform) return next;
        last = next;
      }
    };
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    const closed = await settled();
    expect(closed.onScreen).toBeGreaterThanOrEqual(11 - 1e-6);
    expect(closed.covered).toBe(0);
    expect(closed.fitted).toBeGreaterThan(0);
    // Only a graph too big to read whole runs past the view, and then at the readable zoom.
    if (closed.overflow) expect(closed.zoom).toBeCloseTo(11 / 12, 3);
    await app.screenshot('usability-fitted');

    // A graph that fits the height (logistic regression, 8 blocks) refits when the dashboard
    // opens: the view is centred in less height.
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: /logistic-convex/ }).click();
    await expect.poll(() => page.locator('.react-flow__node-block').count()).toBe(8);
    const small = await settled();
    expect(small.covered).toBe(0);
    await page.getByRole('button', { name: /Dashboard/ }).click();
    await expect.poll(async () => (await layout()).height).toBeLessThan(small.height);
    const open = await settled();
    expect(open.transform).not.toBe(small.transform);
    expect(open.onScreen).toBeGreaterThanOrEqual(11 - 1e-6);
    expect(open.covered).toBe(0);
    await app.screenshot('usability-fitted-dashboard');
    await page.getByRole('button', { name: /Dashboard/ }).click();
    await expect.poll(async () => (await settled()).transform).not.toBe(open.transform);
    const reclosed = await settled();
    expect(reclosed.covered).toBe(0);
    expect(reclosed.onScreen).toBeGreaterThanOrEqual(11 - 1e-6);

    // The minimap and the legend collapse, and come back.
    await page.getByTestId('toggle-minimap').click();
    await expect.poll(() => page.locator('.minimap').count()).toBe(0);
    await page.getByTestId('toggle-legend').click();
    await expect.poll(() => page.locator('.port-legend').count()).toBe(0);
    await page.getByTestId('toggle-minimap').click();
    await page.getByTestId('toggle-legend').click();
    await expect.poll(() => page.locator('.minimap').count()).toBe(1);
  });
});
