import { resolve } from 'node:path';
import type { BenchRow } from './report';
import { openWebApp } from './webApp';

const GRID = 201;
const PATHS = 5;
const ORBIT_FRAMES = 120;
const RECORD_FRAMES = 60;

export async function benchViewer(): Promise<BenchRow[]> {
  const app = await openWebApp();
  try {
    const { page } = app;
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
    await app.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { formatTable } = await import('./report');
  console.log(formatTable(await benchViewer()));
}
