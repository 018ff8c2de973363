/**
 * The node editor in web mode, driven like a person would: build the quickstart pipeline from
 * an empty canvas with the palette, wires and the inspector, save it, and check the saved
 * file equals the bundled example up to ids and positions; refused wires, undo/redo, autosave.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphDocument, getBlock, parseGraphText } from '../../src-shared/graph';
import { type AppSession, openApp, untilOn } from './support/browser';
import {
  dragBlockFromPalette,
  drawWire,
  graphShape,
  handleLocator,
  selectBlock,
  setParam,
} from './support/editor';

const quickstartText = readFileSync(
  resolve(import.meta.dirname, '../../resources/examples/quickstart.json'),
  'utf8',
);

function parse(text: string): GraphDocument {
  const result = parseGraphText(text);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.graph;
}

const SEARCH: Record<string, string> = {
  'dataset.spiral': 'spiral',
  'model.mlp': 'mlp',
  'schedule.cosine': 'cosine',
  'optimizer.adam': 'adam',
  train: 'train',
  'metric.loss': 'loss',
  'metric.valLoss': 'validation loss',
  'metric.accuracy': 'accuracy',
  'metric.valAccuracy': 'validation accuracy',
  'view.chart': 'chart',
  'view.landscape': 'landscape',
};

describe('node editor (web mode)', () => {
  const quickstart = parse(quickstartText);
  let app: AppSession;
  /** Bundled quickstart id -> id of the block the test added for it. */
  const added = new Map<string, string>();

  beforeAll(async () => {
    app = await openApp({ width: 2400, height: 1300 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds the quickstart pipeline from New with the mouse and keyboard, and saves it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New', exact: true }).click();
    expect(await page.locator('.react-flow__node').count()).toBe(0);

    for (const node of quickstart.nodes) {
      const title = getBlock(node.type)!.title;
      const at = { x: node.position.x + 160, y: node.position.y + 80 };
      added.set(node.id, await dragBlockFromPalette(page, SEARCH[node.type]!, title, at));
    }
    expect(await page.locator('.react-flow__node').count()).toBe(quickstart.nodes.length);

    for (const edge of quickstart.edges) {
      await drawWire(
        page,
        { node: added.get(edge.from.node)!, port: edge.from.port },
        { node: added.get(edge.to.node)!, port: edge.to.port },
      );
    }
    expect(await page.locator('.react-flow__edge').count()).toBe(quickstart.edges.length);
    await page.getByTestId('graph-status').getByText('Valid graph').waitFor();

    // The params the example sets away from their defaults, typed into the inspector.
    const edits: [string, string, string][] = [
      ['data', 'noise', '0.05'],
      ['cosine', 'tMax', '600'],
      ['adam', 'lr', '0.01'],
      ['train', 'epochs', '60'],
      ['lossChart', 'smoothing', '0.6'],
      ['accuracyChart', 'smoothing', '0.6'],
    ];
    for (const [node, param, value] of edits) {
      await selectBlock(page, added.get(node)!);
      await setParam(page, param, value);
    }
    // The cosine schedule shows its lr over the run: 750 steps (tMax 600 plus a quarter; past
    // tMax torch's cosine rises again).
    await selectBlock(page, added.get('cosine')!);
    expect(await page.getByTestId('schedule-plot').getAttribute('aria-label')).toBe(
      'lr from 0.01 to 1.446e-3 over 750 steps',
    );
    await selectBlock(page, added.get('adam')!);
    // Adam's update rule, typeset.
    expect(await page.getByTestId('update-rule').locator('.katex').count()).toBeGreaterThan(0);
    expect(
      await page
        .locator(`.react-flow__node[data-id="${added.get('adam')}"] .block-summary`)
        .textContent(),
    ).toBe('Adam · lr 0.01');
    await app.screenshot('editor-inspector');

    await page.locator('.react-flow__pane').click({ position: { x: 1900, y: 1000 } });
    const name = page.getByLabel('Graph name');
    await name.fill(quickstart.name);
    await app.screenshot('editor-built');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const file = await download;
    const savedText = readFileSync(await file.path(), 'utf8');
    const saved = parse(savedText);
    const roleByAdded = new Map([...added].map(([role, id]) => [id, role]));
    expect(graphShape(saved, (id) => roleByAdded.get(id) ?? `?${id}`)).toEqual(
      graphShape(quickstart, (id) => id),
    );
    expect(await page.locator('[data-testid="unsaved-mark"]').count()).toBe(0);
    // The saved file is now first in Open Recent.
    await page.getByRole('button', { name: 'Recent' }).click();
    expect(await page.getByRole('menuitem').first().textContent()).toContain('untitled.json');
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });

  it('quick-adds by double-click, and offers only fitting blocks for a loose wire', async () => {
    const { page } = app;
    const nodes = () => page.locator('.react-flow__node').count();
    const edges = () => page.locator('.react-flow__edge').count();
    const [nodes0, edges0] = [await nodes(), await edges()];
    await page.locator('.react-flow__pane').dblclick({ position: { x: 300, y: 1000 } });
    const search = page.getByRole('textbox', { name: 'Search blocks to add' });
    await search.fill('sgd');
    await search.press('Enter');
    await expect.poll(nodes).toBe(nodes0 + 1);
    const sgd = (await page.locator('.react-flow__node.selected').getAttribute('data-id'))!;

    // Drag SGD's optimizer output onto empty canvas: only blocks taking an optimizer remain.
    const start = await handleLocator(page, sgd, 'optimizer', 'source').boundingBox();
    await page.mouse.move(start!.x + 5, start!.y + 5);
    await page.mouse.down();
    await page.mouse.move(start!.x + 300, start!.y + 40, { steps: 8 });
    await page.mouse.up();
    await search.waitFor();
    expect(await page.locator('.quick-add-item .quick-add-title').allTextContents()).toEqual([
      'Train',
    ]);
    await search.press('Enter');
    await expect.poll(nodes).toBe(nodes0 + 2);
    await expect.poll(edges).toBe(edges0 + 1);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(nodes).toBe(nodes0);
    expect(app.errors).toEqual([]);
  });

  it('refuses an incompatible wire with a reason and adds nothing', async () => {
    const { page } = app;
    const before = await page.locator('.react-flow__edge').count();
    // Spiral's dataset output into Train's model input: the types differ.
    const start = await handleLocator(page, added.get('data')!, 'dataset', 'source').boundingBox();
    const end = await handleLocator(page, added.get('train')!, 'model', 'target').boundingBox();
    await page.mouse.move(start!.x + start!.width / 2, start!.y + start!.height / 2);
    await page.mouse.down();
    await page.mouse.move(end!.x + end!.width / 2, end!.y + end!.height / 2, { steps: 8 });
    // While dragging, the ports the wiring rules would accept light up and the others dim:
    // the spiral already feeds both dataset inputs, so none lights up here.
    expect(await page.locator('.react-flow__handle.is-compatible').count()).toBe(0);
    expect(
      await handleLocator(page, added.get('train')!, 'model', 'target').getAttribute('class'),
    ).toContain('is-dimmed');
    await page.mouse.up();
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('cannot feed');
    expect(await page.locator('.react-flow__edge').count()).toBe(before);
  });

  it('undo and redo round-trip a delete', async () => {
    const { page } = app;
    const count = () => page.locator('.react-flow__node').count();
    const wires = () => page.locator('.react-flow__edge').count();
    const nodes = await count();
    const edges = await wires();
    await selectBlock(page, added.get('train')!);
    await page.keyboard.press('Delete');
    await expect.poll(count).toBe(nodes - 1);
    await expect.poll(wires).toBe(edges - 8);
    await page.keyboard.press('Control+z');
    await expect.poll(count).toBe(nodes);
    await expect.poll(wires).toBe(edges);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(count).toBe(nodes - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(wires).toBe(edges);
    await page.getByTestId('graph-status').getByText('Valid graph').waitFor();
  });

  it('copies and pastes blocks with their internal wire and fresh ids', async () => {
    const { page } = app;
    const nodes = await page.locator('.react-flow__node').count();
    const edges = await page.locator('.react-flow__edge').count();
    await selectBlock(page, added.get('cosine')!);
    await page
      .locator(`.react-flow__node[data-id="${added.get('adam')}"] .block-title`)
      .click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(nodes + 2);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges + 1);
    expect(await page.locator('.react-flow__node.selected').count()).toBe(2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(nodes);
  });

  it('auto-layout (L) arranges the blocks along the data flow, undone in one step', async () => {
    const { page } = app;
    /** A block's position in graph coordinates, read from React Flow's transform. */
    const place = async (role: string) => {
      const node = page.locator(`.react-flow__node[data-id="${added.get(role)}"]`);
      const transform = (await node.evaluate((element) => element.style.transform)) ?? '';
      const [, x, y] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(transform) ?? [];
      return { x: Number(x), y: Number(y) };
    };
    const everything = async () => JSON.stringify(await Promise.all([...added.keys()].map(place)));
    const before = await everything();
    await page.locator('.react-flow__pane').click({ position: { x: 1900, y: 1000 } });
    await page.keyboard.press('l');
    await page.getByRole('button', { name: 'Undo Auto-layout' }).waitFor();
    await expect.poll(everything).not.toBe(before);
    const x = async (role: string) => (await place(role)).x;
    expect(await x('data')).toBeLessThan(await x('mlp'));
    expect(await x('mlp')).toBeLessThan(await x('train'));
    expect(await x('cosine')).toBeLessThan(await x('adam'));
    expect(await x('train')).toBeLessThan(await x('loss'));
    expect(await x('loss')).toBeLessThan(await x('lossChart'));
    await app.screenshot('editor-auto-layout');
    await page.keyboard.press('Control+z');
    await expect.poll(everything).toBe(before);
    expect(app.errors).toEqual([]);
  });

  it('shows the keyboard shortcuts on ?', async () => {
    const { page } = app;
    await page.locator('.react-flow__pane').click({ position: { x: 1900, y: 1000 } });
    await page.keyboard.press('?');
    const help = page.getByTestId('help-overlay');
    await help.waitFor();
    expect(await help.textContent()).toContain('Undo');
    await app.screenshot('editor-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('offers the autosaved document back after a reload', async () => {
    const { page } = app;
    await selectBlock(page, added.get('adam')!);
    await setParam(page, 'lr', '0.02');
    // Autosave is debounced: wait until the edit is stored, not for a fixed time.
    await untilOn(page)(
      'the edit to be autosaved',
      () =>
        // Every tab's autosave record, as the app stores them (IndexedDB, one per tab).
        page.evaluate(
          () =>
            new Promise<string>((done) => {
              const open = indexedDB.open('gradient-atlas', 1);
              // Never create the database here: the app's own open must do that.
              open.onupgradeneeded = () => open.transaction?.abort();
              open.onerror = () => done('');
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('autosaves')) return done('');
                const all = db.transaction('autosaves').objectStore('autosaves').getAll();
                all.onsuccess = () =>
                  done((all.result as { text?: unknown }[]).map((r) => String(r.text)).join('\n'));
                all.onerror = () => done('');
              };
            }),
        ),
      (text) => text.includes('"lr": 0.02'),
    );
    await app.reload();
    const offer = app.page.getByTestId('restore-offer');
    await offer.waitFor();
    await offer.getByRole('button', { name: 'Restore' }).click();
    const adam = app.page.locator('.react-flow__node .block-summary', { hasText: 'Adam' });
    expect(await adam.textContent()).toBe('Adam · lr 0.02');
    expect(await app.page.locator('.react-flow__node').count()).toBe(quickstart.nodes.length);
    expect(await app.page.getByTestId('unsaved-mark').count()).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
