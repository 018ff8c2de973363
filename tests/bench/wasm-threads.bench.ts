/**
 * Threaded wasm, measured: the bench MLP's real training step (TrainRun, 784-128-10, batch
 * 128, Adam) in headless Chromium on tfjs's wasm backend, one thread (SIMD, what the app
 * runs) vs the threaded SIMD build with one thread per core, side by side in one run. The
 * page (wasm-threads/) is built with Vite, unminified, and served cross-origin isolated
 * (COOP same-origin + COEP require-corp), which SharedArrayBuffer and so the threaded build
 * need. tfjs sizes its pool as hardwareConcurrency / 2, one thread on 2 cores, so the page
 * reports twice the cores to get one thread per core. A fresh page per measurement (the
 * build is chosen when the backend starts), rounds interleaved, best of each kept.
 * Run alone: `npm run bench -- threads`.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { BenchRow } from './report';
import type { ThreadsResult } from './wasm-threads/page';

const PAGE_ROOT = resolve(import.meta.dirname, 'wasm-threads');
const ROUNDS = 3;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A static server whose pages are cross-origin isolated. */
async function serveIsolated(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    const found = file.startsWith(root + sep) && (await stat(file).catch(() => null))?.isFile();
    if (!found) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export async function benchWasmThreads(): Promise<BenchRow[]> {
  const out = await mkdtemp(join(tmpdir(), 'atlas-wasm-threads-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    // Not minified: the threaded build re-evaluates its factory's source text in its workers.
    await build({
      root: PAGE_ROOT,
      configFile: false,
      logLevel: 'error',
      build: { outDir: out, emptyOutDir: true, minify: false, target: 'es2022' },
    });
    const server = await serveIsolated(out);
    try {
      const cores = await browser.newPage().then(async (p) => {
        const n = await p.evaluate(() => navigator.hardwareConcurrency);
        await p.close();
        return n;
      });
      const threaded = Math.max(2, cores);
      const best: Record<'plain' | 'threaded', ThreadsResult | null> = {
        plain: null,
        threaded: null,
      };
      for (let round = 0; round < ROUNDS; round++) {
        for (const [key, threads] of [
          ['plain', 1],
          ['threaded', threaded],
        ] as const) {
          const page = await browser.newPage();
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(`${server.url}?threads=${threads}`);
          const result = await page
            .waitForFunction(() => (globalThis as { benchResult?: unknown }).benchResult, null, {
              timeout: 120_000,
            })
            .then(() =>
              page.evaluate(
                () =>
                  (globalThis as unknown as { benchResult: Promise<ThreadsResult> }).benchResult,
              ),
            )
            .catch((error: unknown) => {
              throw new Error(`threads=${threads}: ${String(error)} ${errors.join('; ')}`);
            });
          await page.close();
          if (threads > 1 && (!result.isolated || result.threads < 2)) {
            throw new Error(
              `threaded wasm did not start (crossOriginIsolated ${result.isolated}, ${result.threads} threads)`,
            );
          }
          const previous = best[key];
          if (!previous || result.stepsPerSecond > previous.stepsPerSecond) best[key] = result;
        }
      }
      const plain = best.plain!;
      const many = best.threaded!;
      return [
        {
          bench: `train MLP 784-128-10 b128 Adam in Chromium: wasm ${many.threads} threads vs 1 (${cores} cores)`,
          a: `threaded ${many.stepsPerSecond.toFixed(1)} steps/s`,
          b: `1 thread ${plain.stepsPerSecond.toFixed(1)} steps/s`,
          ratio: many.stepsPerSecond / plain.stepsPerSecond,
          target: 'info',
        },
      ];
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
    await rm(out, { recursive: true, force: true });
  }
}
