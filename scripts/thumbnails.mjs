// Makes the start page's thumbnails from the real app: builds nothing itself (run
// `npm run build:web` first, which `npm run thumbnails` does), serves out/web, and for each
// bundled example opens it in Chromium (playwright-core, /usr/bin/chromium), runs it with few
// steps, opens the landscape viewer and saves its canvas as resources/thumbnails/<id>.png.
//   npm run thumbnails                 every example
//   npm run thumbnails -- quickstart   only the ones named
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './serveStatic.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'resources/thumbnails');
const STEPS = 150;
const SIZE = { width: 480, height: 300 };

const until = async (what, read, ok, ms = 180_000) => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 200));
  }
};

const wanted = process.argv.slice(2);
const ids = (await readdir(join(ROOT, 'resources/examples')))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .filter((id) => wanted.length === 0 || wanted.includes(id));

const { server, url } = await serveStatic(join(ROOT, 'out/web'), 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu-sandbox', '--no-first-run'],
});
await mkdir(OUT, { recursive: true });
try {
  for (const id of ids) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.addInitScript(() => localStorage.setItem('gradient-atlas:start-page-seen', '1'));
    await page.goto(`${url}?maxSteps=${STEPS}&landscapeGrid=41`);
    await page.getByTestId('app-shell').waitFor();
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: new RegExp(`${id}\\.json`) }).click();
    await until(
      'the example',
      () => page.getByTestId('document-name').textContent(),
      (t) => t === `${id}.json`,
    );
    await page.getByTestId('run-run').click();
    await until(
      'the runs to finish',
      () => page.evaluate(() => globalThis.__atlasCharts?.runs().map((r) => r.phase) ?? []),
      (phases) => phases.length > 0 && phases.every((p) => p !== 'running' && p !== 'loaded'),
    );
    await page.getByTestId('landscape-toggle').click();
    await until(
      'the landscape',
      () => page.evaluate(() => globalThis.__atlasLandscape?.lastStep() ?? 0),
      (step) => step > 0,
    );
    // The surface is drawn once the step label shows the last step.
    await until(
      'the last step drawn',
      () => page.getByTestId('landscape-step').textContent(),
      (t) => /step (\d+) \/ \1/.test(t ?? ''),
    );
    // A WebGL canvas reads back blank once presented: take what the screen shows instead,
    // then scale it down (cover) in the page. Panes side by side each fill their share of the
    // thumbnail, side by side, with a thin gap.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    const canvases = page.getByTestId('landscape-canvas');
    const shots = [];
    for (let k = 0; k < (await canvases.count()); k++) {
      shots.push((await canvases.nth(k).screenshot()).toString('base64'));
    }
    const data = await page.evaluate(
      ({ pngs, size }) =>
        Promise.all(
          pngs.map(
            (png) =>
              new Promise((done, fail) => {
                const image = new Image();
                image.onerror = () => fail(new Error('the screenshot did not load'));
                image.onload = () => done(image);
                image.src = `data:image/png;base64,${png}`;
              }),
          ),
        ).then((images) => {
          const out = document.createElement('canvas');
          out.width = size.width;
          out.height = size.height;
          const context = out.getContext('2d');
          context.fillStyle = '#11141a';
          context.fillRect(0, 0, size.width, size.height);
          const gap = images.length > 1 ? 2 : 0;
          const slot = (size.width - gap * (images.length - 1)) / images.length;
          images.forEach((image, k) => {
            const scale = Math.max(slot / image.width, size.height / image.height);
            const w = slot / scale;
            const h = size.height / scale;
            const x = (image.width - w) / 2;
            const y = (image.height - h) / 2;
            context.drawImage(image, x, y, w, h, k * (slot + gap), 0, slot, size.height);
          });
          return out.toDataURL('image/png');
        }),
      { pngs: shots, size: SIZE },
    );
    const file = join(OUT, `${id}.png`);
    await writeFile(file, Buffer.from(String(data).split(',')[1], 'base64'));
    console.log(`${id}: ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
