/**
 * The app shell in web mode: it starts on the quickstart graph, draws it, and refuses a broken
 * file dropped on the window without touching the open graph.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBlock, parseGraphText } from '../../src-shared/graph';
import { type AppSession, openApp } from './support/browser';

const EXAMPLES = resolve(import.meta.dirname, '../../resources/examples');

function loadExample(id: string) {
  const result = parseGraphText(readFileSync(resolve(EXAMPLES, `${id}.json`), 'utf8'));
  if (!result.ok) throw new Error(`${id}.json does not parse: ${JSON.stringify(result.problems)}`);
  return result.graph;
}

async function drawnTitles(page: Page): Promise<string[]> {
  return (await page.locator('.react-flow__node .block-title').allTextContents()).sort();
}

/** Drops a file on the window the way a browser does: dragenter, dragover, drop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      return transfer;
    },
    [name, text] as const,
  );
  const target = page.locator('.react-flow__pane');
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await target.dispatchEvent(type, { dataTransfer });
  }
}

describe('app shell (web mode)', () => {
  const quickstart = loadExample('quickstart');
  const quickstartTitles = quickstart.nodes.map((node) => getBlock(node.type)?.title ?? '').sort();
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens with the quickstart graph drawn and valid', async () => {
    const { page } = app;
    await page.locator('.react-flow__edge').first().waitFor();
    expect(await drawnTitles(page)).toEqual(quickstartTitles);
    expect(await page.locator('.react-flow__edge').count()).toBe(quickstart.edges.length);
    for (const title of quickstartTitles) {
      expect(await page.getByText(title, { exact: true }).first().isVisible()).toBe(true);
    }
    expect(await page.getByTestId('graph-status').textContent()).toBe('Valid graph');
    expect(await page.getByTestId('document-name').textContent()).toBe('quickstart.json');
    await app.screenshot('app-quickstart');
    expect(app.errors).toEqual([]);
  });

  it('shows the problems of a broken dropped file and keeps the open graph', async () => {
    const { page } = app;
    const broken = JSON.parse(JSON.stringify(quickstart)) as typeof quickstart;
    broken.nodes[0]!.type = 'dataset.nonexistent';
    broken.nodes[1]!.id = broken.nodes[2]!.id;
    await dropFile(page, 'broken.json', JSON.stringify(broken));

    const banner = page.getByTestId('refused-file');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Could not open broken.json');
    const problems = await banner.locator('.problem').allTextContents();
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.some((line) => line.startsWith('nodes[0].type: '))).toBe(true);
    expect(problems.every((line) => /^\S+: \S/.test(line))).toBe(true);

    expect(await drawnTitles(page)).toEqual(quickstartTitles);
    expect(await page.locator('.react-flow__edge').count()).toBe(quickstart.edges.length);
    expect(await page.getByTestId('document-name').textContent()).toBe('quickstart.json');
    await app.screenshot('app-refused-drop');

    await dropFile(page, 'not-json.json', '{"format": "gradient-atlas/graph", ');
    await page.getByText('Could not open not-json.json').waitFor();
    expect(await drawnTitles(page)).toEqual(quickstartTitles);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    expect(await banner.count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('opens a bundled example from the Examples menu', async () => {
    const { page } = app;
    const race = loadExample('rosenbrock-race');
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: race.name }).click();
    await page.getByTestId('document-name').getByText('rosenbrock-race.json').waitFor();
    expect(await page.locator('.react-flow__node-block').count()).toBe(race.nodes.length);
    expect(await page.locator('.react-flow__edge').count()).toBe(race.edges.length);
    expect(app.errors).toEqual([]);
  });
});
