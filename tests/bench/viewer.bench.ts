/**
 * The 3D landscape viewer in Chromium (web mode, software WebGL here): mean frame time of a
 * 201×201 surface with 5 paths while the camera orbits (each frame synchronised by a pixel
 * read), and frames encoded per second while recording it at 1280×720 (frame by frame through
 * WebCodecs / mediabunny). Needs `npm run build:web`. Run alone: `npx tsx tests/bench/viewer.bench.ts`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { BenchRow } from './report';

const WEB_ROOT = resolve(import.meta.dirname, '../../out/web');
const GRID = 201;
const PATHS = 5;
const ORBIT_FRAMES = 120;
const RECORD_FRAMES = 60;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

function serve(): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent((request.url ?? '/').split('?')[0]!)).replace(
      /^[/\\]+/,
      '',
    );
    const file = join(WEB_ROOT, path || 'index.html');
    const info = file.startsWith(WEB_ROOT + sep) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

export async function benchViewer(): Promise<BenchRow[]> {
  if (!(await stat(join(WEB_ROOT, 'index.html')).catch(() => null))) {
    throw new Error('out/web is missing: run "npm run build:web" before this benchmark');
  }
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu-sandbox'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('app-shell').waitFor({ timeout: 20_000 });
    await page.getByTestId('landscape-toggle').click();
    await page.waitForFunction(() => '__atlasLandscape' in globalThis, null, { timeout: 20_000 });
    // Strings, not functions: tsx's keepNames helpers do not exist in the page.
    await page.evaluate(`window.__atlasLandscape.loadSynthetic(${GRID}, ${PATHS})`);
    const renderer = (await page.evaluate(`(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const ext = gl && gl.getExtension('WEBGL_debug_renderer_info');
      return ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : 'unknown';
    })()`)) as string;
    await page.evaluate('window.__atlasLandscape.orbitFrameMs(10)'); // warm up
    const frameMs = (await page.evaluate(
      `window.__atlasLandscape.orbitFrameMs(${ORBIT_FRAMES})`,
    )) as number;
    const fps = (await page.evaluate(
      `window.__atlasLandscape.recordFps(${RECORD_FRAMES}, 1280, 720)`,
    )) as number;
    const gl = /swiftshader|llvmpipe/i.test(renderer) ? 'software GL' : 'GPU';
    return [
      {
        bench: `viewer: orbit frame, ${GRID}×${GRID} + ${PATHS} paths (${gl})`,
        a: `${frameMs.toFixed(1)} ms (${(1000 / frameMs).toFixed(0)} fps)`,
        b: '16.7 ms (60 fps)',
        ratio: frameMs / (1000 / 60),
        target: '≤ 1.00× on a GPU',
      },
      {
        bench: `viewer: recording 1280×720, frames encoded/s (${gl})`,
        a: `${fps.toFixed(1)} frames/s`,
        b: '30 fps of video',
        ratio: fps / 30,
        target: 'any (frame by frame, not real time)',
      },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { formatTable } = await import('./report');
  console.log(formatTable(await benchViewer()));
}
