/**
 * Rebuilding the Rosenbrock optimizer race from an empty canvas as a person would: one
 * optimizer → train → loss chain by hand, five wired copies with Duplicate with wires, three
 * optimizers swapped by wiring a new block into the copy's input, params set in the
 * inspector; saved, compared with the bundled example up to ids and positions, and reopened.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphDocument, parseGraphText } from '../../src-shared/graph';
import { type AppSession, openApp } from './support/browser';
import {
  dragBlockFromPalette,
  drawWire,
  dropFile,
  graphShape,
  nodeLocator,
  selectBlock,
  selectBlocks,
  selectedIds,
  setParam,
  toggleParam,
  viewSettled,
} from './support/editor';

function parse(text: string): GraphDocument {
  const result = parseGraphText(text);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.graph;
}

const race = parse(
  readFileSync(
    resolve(import.meta.dirname, '../../resources/examples/rosenbrock-race.json'),
    'utf8',
  ),
);

/** The example's id -> the id the editor gives the block built for it. */
const BUILT: Record<string, string> = {
  surface: 'surface',
  'opt-sgd': 'sgd',
  sgd: 'train',
  'loss-sgd': 'loss',
  'opt-momentum': 'sgd-2',
  momentum: 'train-2',
  'loss-momentum': 'loss-2',
  'opt-nesterov': 'sgd-3',
  nesterov: 'train-3',
  'loss-nesterov': 'loss-3',
  'opt-rmsprop': 'rmsprop',
  rmsprop: 'train-4',
  'loss-rmsprop': 'loss-4',
  'opt-adam': 'adam',
  adam: 'train-5',
  'loss-adam': 'loss-5',
  'opt-newton': 'newton',
  newton: 'train-6',
  'loss-newton': 'loss-6',
  lossChart: 'chart',
  landscape: 'landscape',
};

describe('rebuilding the Rosenbrock race (web mode)', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await openApp({ width: 2400, height: 1300 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds six wired chains from one with Duplicate with wires, saves and reopens', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const place: [string, string, number, number][] = [
      ['surface', 'Surface', 120, 500],
      ['sgd', 'SGD', 420, 160],
      ['train', 'Train', 720, 300],
      ['loss', 'Loss', 1020, 300],
      ['chart', 'Chart', 1400, 300],
      ['landscape', 'Loss landscape', 1400, 700],
    ];
    for (const [search, title, x, y] of place) {
      await dragBlockFromPalette(page, search, title, { x, y });
    }
    const wires: [string, string, string, string][] = [
      ['surface', 'model', 'train', 'model'],
      ['sgd', 'optimizer', 'train', 'optimizer'],
      ['train', 'run', 'loss', 'run'],
      ['loss', 'series', 'chart', 'series'],
      ['train', 'run', 'landscape', 'runs'],
    ];
    for (const [from, out, to, input] of wires) {
      await drawWire(page, { node: from, port: out }, { node: to, port: input });
    }
    await page.getByTestId('graph-status').getByText('Valid graph').waitFor();

    // The first chain's params, set before copying so every copy has them.
    await selectBlock(page, 'sgd');
    await setParam(page, 'lr', '0.001');
    await selectBlock(page, 'train');
    await setParam(page, 'epochs', '500');
    await selectBlock(page, 'chart');
    await toggleParam(page, 'logY');
    await setParam(page, 'decades', '5');

    // Five copies of the chain, each wired to the surface, the chart and the landscape.
    await selectBlocks(page, ['sgd', 'train', 'loss']);
    for (let copy = 2; copy <= 6; copy += 1) {
      await page.keyboard.press('Control+Shift+D');
      await expect
        .poll(() => selectedIds(page))
        .toEqual([`sgd-${copy}`, `train-${copy}`, `loss-${copy}`]);
    }
    // The last copy's wires render a frame after its selection: wait for them.
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(30);
    await page.keyboard.press('Escape');
    await page.keyboard.press('l');
    await page.getByRole('button', { name: 'Undo Auto-layout' }).waitFor();
    await page.keyboard.press('f');
    await viewSettled(page);

    // Momentum, then Nesterov momentum.
    await selectBlock(page, 'sgd-2');
    await setParam(page, 'lr', '0.0005');
    await setParam(page, 'momentum', '0.9');
    await selectBlock(page, 'sgd-3');
    await setParam(page, 'lr', '0.0005');
    await setParam(page, 'momentum', '0.9');
    await toggleParam(page, 'nesterov');

    // Three chains get another optimizer: a new block wired into train's single optimizer
    // input replaces the copied SGD's wire; the SGD is then deleted.
    const swaps: [string, string, string, number][] = [
      ['rmsprop', 'RMSProp', '4', 0],
      ['adam', 'Adam', '5', 1],
      ['newton', 'Newton', '6', 2],
    ];
    for (const [search, title, chain, row] of swaps) {
      // Dropped in the free column left of the laid-out graph.
      const id = await dragBlockFromPalette(page, search, title, { x: 130, y: 150 + 300 * row });
      expect(id).toBe(search);
      await drawWire(
        page,
        { node: id, port: 'optimizer' },
        { node: `train-${chain}`, port: 'optimizer' },
      );
      await selectBlock(page, `sgd-${chain}`);
      await page.keyboard.press('Delete');
      await nodeLocator(page, `sgd-${chain}`).waitFor({ state: 'detached' });
    }
    await selectBlock(page, 'adam');
    await setParam(page, 'lr', '0.05');
    await page.getByTestId('graph-status').getByText('Valid graph').waitFor();
    await page.keyboard.press('l');
    await page.getByRole('button', { name: 'Undo Auto-layout' }).waitFor();
    await page.keyboard.press('f');
    await viewSettled(page);
    await page.keyboard.press('Escape');
    await page.getByLabel('Graph name').fill(race.name);
    await app.screenshot('editor-race-built');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const savedText = readFileSync(await (await download).path(), 'utf8');
    const saved = parse(savedText);
    const roleOf = new Map(Object.entries(BUILT).map(([role, id]) => [id, role]));
    expect(graphShape(saved, (id) => roleOf.get(id) ?? `?${id}`)).toEqual(
      graphShape(race, (id) => id),
    );

    // Reopen the saved file (dropped on the window) after starting over.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    await dropFile(page, 'race.json', savedText);
    await page.getByTestId('document-name').getByText('race.json').waitFor();
    // React Flow draws a wire once both of its blocks are measured: wait for the canvas.
    await expect
      .poll(() => page.locator('.react-flow__node-block').count())
      .toBe(race.nodes.length);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(race.edges.length);
    await page.getByTestId('graph-status').getByText('Valid graph').waitFor();
    expect(app.errors).toEqual([]);
  });
});
