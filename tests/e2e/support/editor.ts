/** What a person does in the editor, as Playwright steps: drag blocks, draw wires, set params. */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { RESULTS_DIR } from './browser';

export function nodeLocator(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

export function handleLocator(page: Page, id: string, port: string, side: 'source' | 'target') {
  return nodeLocator(page, id).locator(`.react-flow__handle.${side}[data-handleid="${port}"]`);
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Finds a block by searching the palette and drags it onto the canvas at a canvas point. */
export async function dragBlockFromPalette(
  page: Page,
  search: string,
  title: string,
  to: { x: number; y: number },
): Promise<string> {
  await page.getByRole('searchbox', { name: 'Search blocks' }).fill(search);
  const item = page.locator('.palette-item').filter({
    has: page.locator('.palette-item-title', { hasText: new RegExp(`^${title}$`) }),
  });
  // Onto the canvas at that point, whatever is there: the pane, or an empty graph's start page
  // (which takes a dropped block too).
  await item.first().dragTo(page.locator('.canvas-host'), { targetPosition: to });
  // A new block is the selected one.
  const added = page.locator('.react-flow__node.selected');
  await added.waitFor();
  const id = await added.getAttribute('data-id');
  if (!id) throw new Error(`dropping ${title} added no block`);
  return id;
}

/** Drags a wire from an output port to an input port with the mouse. */
export async function drawWire(
  page: Page,
  from: { node: string; port: string },
  to: { node: string; port: string },
): Promise<void> {
  const start = await center(handleLocator(page, from.node, from.port, 'source'));
  const end = await center(handleLocator(page, to.node, to.port, 'target'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
}

/**
 * Selects a block by clicking its title, as a person would: once more if the inspector does
 * not show it (on a loaded machine a click has been lost while the view jumped into place;
 * each lost click is logged with a screenshot, so a real fault still shows and still fails).
 */
export async function selectBlock(page: Page, id: string): Promise<void> {
  // A graph just opened jumps into view once its blocks are measured: click after that.
  await page.locator('.canvas-host[data-fit="done"]').waitFor();
  const shown = page.getByTestId('inspector-node').locator('code', { hasText: id });
  for (let attempt = 1; ; attempt++) {
    await nodeLocator(page, id).locator('.block-title').click();
    try {
      await shown.waitFor({ timeout: attempt < 3 ? 15_000 : undefined });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      const selected = await selectedIds(page);
      const file = `select-lost-${id}-${attempt}.png`;
      await page.screenshot({ path: join(RESULTS_DIR, file) });
      console.warn(
        `selectBlock(${id}): click ${attempt} not shown (selected: ${selected.join(', ') || 'none'}); ${file}`,
      );
    }
  }
}

/** Types a value into a param field of the selected block's inspector and presses Enter. */
export async function setParam(page: Page, name: string, value: string): Promise<void> {
  const field = page.locator(`[data-param="${name}"] input.param-input`).first();
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

/** Selects several blocks: a click on the first title, Shift+click on the others. */
export async function selectBlocks(page: Page, ids: readonly string[]): Promise<void> {
  const [first, ...rest] = ids;
  await nodeLocator(page, first!).locator('.block-title').click();
  for (const id of rest) {
    await nodeLocator(page, id)
      .locator('.block-title')
      .click({ modifiers: ['Shift'] });
  }
}

/** Flips a boolean param of the selected block. */
export async function toggleParam(page: Page, name: string): Promise<void> {
  await page.locator(`[data-param="${name}"] input[type="checkbox"]`).click();
}

/** Chooses an option of an enum param of the selected block. */
export async function chooseParam(page: Page, name: string, option: string): Promise<void> {
  await page.locator(`[data-param="${name}"] select`).selectOption(option);
}

/** The ids of the selected blocks. */
export async function selectedIds(page: Page): Promise<string[]> {
  return page
    .locator('.react-flow__node.selected[data-id]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''));
}

/** Drops text as a file on the canvas, the way a browser delivers a dragged file. */
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
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

/** The graph without ids and positions: nodes by role, wires as `from.port -> to.port`. */
export function graphShape(
  graph: {
    name: string;
    nodes: readonly { id: string; type: string; params: unknown }[];
    edges: readonly { from: { node: string; port: string }; to: { node: string; port: string } }[];
  },
  roleOf: (id: string) => string,
) {
  return {
    name: graph.name,
    nodes: graph.nodes
      .map((node) => ({ role: roleOf(node.id), type: node.type, params: node.params }))
      .sort((a, b) => a.role.localeCompare(b.role)),
    edges: graph.edges
      .map(
        (edge) =>
          `${roleOf(edge.from.node)}.${edge.from.port} -> ${roleOf(edge.to.node)}.${edge.to.port}`,
      )
      .sort(),
  };
}

/**
 * Waits until the canvas stops moving (an animated fit or layout): the viewport's transform
 * the same on three consecutive animation frames. Three, because an animation's first frame
 * repeats the start value.
 */
export async function viewSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last: string | null = null;
        let same = 0;
        const tick = () => {
          const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
          const now = viewport?.style.transform ?? '';
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 2) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}
