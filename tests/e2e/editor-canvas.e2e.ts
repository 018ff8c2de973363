/**
 * Canvas editing beyond wiring, driven like a person: box selection, align, group frames that
 * move their blocks, sticky notes saved in the file, dropping a block on a wire, the surface
 * point picker, keyboard moves, and copy/paste between two open tabs through the clipboard.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGraphText } from '../../src-shared/graph';
import { type AppSession, openApp } from './support/browser';
import {
  dragBlockFromPalette,
  nodeLocator,
  selectBlock,
  selectedIds,
  viewSettled,
} from './support/editor';

/** A canvas node's position in graph coordinates, read from React Flow's transform. */
async function placeOf(page: Page, flowId: string): Promise<{ x: number; y: number }> {
  const node = page.locator(`.react-flow__node[data-id="${flowId}"]`);
  const transform = await node.evaluate((element) => (element as HTMLElement).style.transform);
  const [, x, y] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(transform) ?? [];
  return { x: Number(x), y: Number(y) };
}

const METRICS = ['loss', 'valLoss', 'accuracy', 'valAccuracy'];

describe('canvas editing (web mode)', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({ width: 1800, height: 1100 });
    await app.page.locator('.react-flow__edge').first().waitFor();
    // The box select below measures blocks: only once the opening view is in place.
    await app.page.locator('.canvas-host[data-fit="done"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('selects with a Shift+drag box and aligns the selection, undone in one step', async () => {
    const { page } = app;
    const boxes = await Promise.all(METRICS.map((id) => nodeLocator(page, id).boundingBox()));
    const left = Math.min(...boxes.map((b) => b!.x)) - 20;
    const top = Math.min(...boxes.map((b) => b!.y)) - 20;
    const right = Math.max(...boxes.map((b) => b!.x + b!.width)) + 20;
    const bottom = Math.max(...boxes.map((b) => b!.y + b!.height)) + 20;
    await page.keyboard.down('Shift');
    await page.mouse.move(left, top);
    await page.mouse.down();
    await page.mouse.move(right, bottom, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    expect((await selectedIds(page)).sort()).toEqual([...METRICS].sort());

    // Nudge one block right so that aligning has something to do.
    await page.keyboard.press('Escape');
    await selectBlock(page, 'valLoss');
    const before = await placeOf(page, 'valLoss');
    await page.keyboard.press('Tab'); // focus moves on; the block keeps the selection
    await nodeLocator(page, 'valLoss').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await placeOf(page, 'valLoss')).x).toBeGreaterThan(before.x);
    await page.getByRole('button', { name: 'Undo Move' }).waitFor();

    await selectBlock(page, 'loss');
    for (const id of METRICS.slice(1)) {
      await nodeLocator(page, id)
        .locator('.block-title')
        .click({ modifiers: ['Shift'] });
    }
    await page.keyboard.press('Alt+Shift+L');
    await page.getByRole('button', { name: 'Undo Align' }).waitFor();
    const xs = await Promise.all(METRICS.map(async (id) => (await placeOf(page, id)).x));
    expect(new Set(xs).size).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await placeOf(page, 'valLoss')).x).toBeGreaterThan(xs[0]!);
    expect(app.errors).toEqual([]);
  });

  it('groups blocks in a titled frame that moves them, and saves frames and notes', async () => {
    const { page } = app;
    await page.keyboard.press('Control+g');
    const frame = page.getByTestId('group-frame');
    await frame.waitFor();
    expect(await frame.locator('.frame-count').textContent()).toBe('4 blocks');
    await page.getByRole('textbox', { name: 'Title' }).fill('Metrics');
    expect(await frame.locator('.frame-title-text').textContent()).toBe('Metrics');

    // Resize it by its bottom-left handle: the readable zoom can put the frame's right edge on
    // the canvas's border, where a press would land on the inspector instead.
    const frameNode = page.locator('.react-flow__node[data-id="group:group"]');
    const widthOf = async () => (await frameNode.boundingBox())!.width;
    const width = await widthOf();
    const handle = frameNode.locator('.react-flow__resize-control.handle.bottom.left');
    const corner = (await handle.boundingBox())!;
    const canvas = (await page.locator('.canvas-host').boundingBox())!;
    expect(corner.x - 60).toBeGreaterThan(canvas.x);
    expect(corner.y + 40).toBeLessThan(canvas.y + canvas.height);
    await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
    await page.mouse.down();
    await page.mouse.move(corner.x - 60, corner.y + 40, { steps: 6 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Undo Resize group' }).waitFor();
    expect(await widthOf()).toBeGreaterThan(width + 40);

    // Drag the frame by its title: its blocks follow by the same offset.
    const start = await Promise.all(METRICS.map((id) => placeOf(page, id)));
    const frameStart = await placeOf(page, 'group:group');
    // By the title bar just right of its text (the text itself renames on a double-click):
    // at the readable zoom the frame's right end, with its count, can sit past the canvas.
    const text = (await frame.locator('.frame-title-text').boundingBox())!;
    const title = { x: text.x + text.width + 8, y: text.y, width: 16, height: text.height };
    await page.mouse.move(title.x + title.width / 2, title.y + title.height / 2);
    await page.mouse.down();
    await page.mouse.move(title.x + 150, title.y + 90, { steps: 8 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Undo Move' }).waitFor();
    const frameEnd = await placeOf(page, 'group:group');
    const dx = frameEnd.x - frameStart.x;
    const dy = frameEnd.y - frameStart.y;
    expect(Math.abs(dx)).toBeGreaterThan(50);
    const end = await Promise.all(METRICS.map((id) => placeOf(page, id)));
    end.forEach((at, i) => {
      expect(at).toEqual({ x: start[i]!.x + dx, y: start[i]!.y + dy });
    });

    // A sticky note at the pointer (N), typed into.
    await page.mouse.move(500, 900);
    await page.keyboard.press('n');
    const note = page.getByTestId('sticky-note').last();
    await note.getByRole('textbox', { name: 'Note text' }).fill('Validation curves live here.');
    await app.screenshot('editor-group-note');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const parsed = parseGraphText(readFileSync(await (await download).path(), 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.graph.groups?.map((g) => [g.title, [...g.nodes].sort()])).toEqual([
      ['Metrics', [...METRICS].sort()],
    ]);
    expect(parsed.graph.notes?.map((n) => n.text)).toContain('Validation curves live here.');
    expect(app.errors).toEqual([]);
  });

  it('inserts a block dropped on a wire between the two blocks', async () => {
    const { page } = app;
    await selectBlock(page, 'mlp');
    await page.keyboard.press('Delete');
    await page
      .getByTestId('graph-status')
      .getByText(/problem/)
      .waitFor();
    // Drop a linear model on the data -> train wire, at the wire's middle.
    const wire = page.locator('.react-flow__edge[data-id="e2"] .react-flow__edge-path');
    const middle = await wire.evaluate((path) => {
      const svg = path as SVGPathElement;
      const point = svg.getPointAtLength(svg.getTotalLength() / 2);
      const matrix = svg.getScreenCTM()!;
      return { x: point.x * matrix.a + matrix.e, y: point.y * matrix.d + matrix.f };
    });
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    // First a block dragged across the canvas onto the wire (the wire lights up under it).
    const id = await dragBlockFromPalette(page, 'linear', 'Linear', { x: 900, y: 820 });
    const grip = (await nodeLocator(page, id).locator('.block-title').boundingBox())!;
    await page.mouse.move(grip.x + 10, grip.y + 5);
    await page.mouse.down();
    await page.mouse.move(middle.x, middle.y, { steps: 10 });
    expect(await page.locator('.react-flow__edge.is-drop-target').count()).toBe(1);
    await page.mouse.up();
    await page.getByTestId('graph-status').getByText('Valid graph').waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBe(14);
    await page.keyboard.press('Control+z');
    await page
      .getByTestId('graph-status')
      .getByText(/problem/)
      .waitFor();
    await selectBlock(page, id);
    await page.keyboard.press('Delete');

    // Then one dropped from the palette straight onto the wire.
    const dropped = await dragBlockFromPalette(page, 'linear', 'Linear', {
      x: middle.x - pane.x,
      y: middle.y - pane.y,
    });
    expect(dropped).toBe('linear');
    await page.getByTestId('graph-status').getByText('Valid graph').waitFor();
    expect(await page.locator(`.react-flow__edge[data-id]`).count()).toBe(14);
    await page.getByRole('button', { name: 'Undo Insert on wire' }).waitFor();
    expect(id).toBe('linear');
    expect(app.errors).toEqual([]);
  });

  it('picks a surface start on the contour picker, by pointer and by arrow keys', async () => {
    const { page } = app;
    await dragBlockFromPalette(page, 'surface', 'Surface', { x: 300, y: 850 });
    const picker = page.getByTestId('point-picker');
    await picker.waitFor();
    const x = page.locator('[data-param="start"] input.param-input').nth(0);
    const y = page.locator('[data-param="start"] input.param-input').nth(1);
    expect([await x.inputValue(), await y.inputValue()]).toEqual(['-1.5', '2']);
    // Rosenbrock's view box is x -2..2, y -1..3: its centre is (0, 1).
    await picker.click();
    expect([await x.inputValue(), await y.inputValue()]).toEqual(['0', '1']);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    expect([await x.inputValue(), await y.inputValue()]).toEqual(['0.1', '1.1']);
    expect(await nodeLocator(page, 'surface').locator('.block-summary').textContent()).toContain(
      '(0.1, 1.1)',
    );
    await app.screenshot('editor-point-picker');
    expect(app.errors).toEqual([]);
  });

  it('adds and wires a block from the keyboard alone (palette search, inspector wires)', async () => {
    const { page } = app;
    const edges = await page.locator('.react-flow__edge').count();
    const search = page.getByRole('searchbox', { name: 'Search blocks' });
    await search.fill('sgd');
    await search.press('Enter');
    await page.getByTestId('inspector-node').getByText('optimizer.sgd').waitFor();
    const connectLr = page.getByRole('combobox', { name: /in: lr/ });
    await connectLr.focus();
    await connectLr.selectOption({ label: 'Cosine annealing (cosine) · lr' });
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges + 1);
    const wires = page.locator('[data-port-wires="lr"] .wire-list li');
    expect(await wires.textContent()).toContain('from Cosine annealing (cosine) · lr');
    await page
      .getByRole('button', { name: 'Disconnect lr from Cosine annealing (cosine)' })
      .press('Enter');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges);
    await app.screenshot('editor-inspector-wires');
    expect(app.errors).toEqual([]);
  });

  it('chooses a CSV file for a CSV dataset, and offers its columns as the target', async () => {
    const { page } = app;
    await dragBlockFromPalette(page, 'csv', 'CSV file', { x: 700, y: 850 });
    await page.locator('[data-param="path"] input[type="file"]').setInputFiles({
      name: 'points.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('x,y,label\n1,2,0\n'),
    });
    const path = page.locator('[data-param="path"] input.param-input');
    await expect.poll(() => path.inputValue()).toBe('points.csv');
    const options = page.locator('[data-param="target"] datalist option');
    expect(
      await options.evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['x', 'y', 'label']);
    expect(app.errors).toEqual([]);
  });

  it('copies blocks in one tab and pastes them into another through the clipboard', async () => {
    const { page } = app;
    // Earlier tests moved the view: show the whole graph again, so no block is under a panel.
    await page.getByRole('button', { name: 'Fit the graph in view' }).click();
    await viewSettled(page);
    await selectBlock(page, 'loss');
    await nodeLocator(page, 'lossChart')
      .locator('.block-title')
      .click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');

    const other = await page.context().newPage();
    try {
      await other.goto(page.url());
      await other.getByTestId('app-shell').waitFor();
      const discard = other.getByRole('button', { name: 'Discard' });
      if (await discard.isVisible()) await discard.click();
      await other.getByRole('button', { name: 'New', exact: true }).click();
      // The empty graph shows the examples gallery in the middle: click the free canvas
      // beside it to focus the canvas.
      const otherPane = (await other.locator('.react-flow__pane').boundingBox())!;
      await other
        .locator('.react-flow__pane')
        .click({ position: { x: 10, y: otherPane.height / 2 } });
      await other.keyboard.press('Control+v');
      await expect.poll(() => other.locator('.react-flow__node-block').count()).toBe(2);
      expect(await other.locator('.react-flow__edge').count()).toBe(1);
      expect(
        (await other.locator('.react-flow__node .block-title').allTextContents()).sort(),
      ).toEqual(['Chart', 'Loss']);
    } finally {
      await other.close();
    }
    expect(app.errors).toEqual([]);
  });
});
