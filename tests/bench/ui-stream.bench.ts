/**
 * UI responsiveness under a metric stream: in Chromium, the built web app's dashboard takes
 * 1 000 run events per second for 10 s (4 runs, through the same validation and per-frame
 * coalescing as engine messages) while PerformanceObserver('longtask') records every main-
 * thread task over 50 ms, and a MessageChannel ping measures the worst event-loop delay
 * (which also sees tasks under 50 ms). Target: no long task (longest < 50 ms).
 * Needs `npm run build:web` first.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { BenchRow } from './report';

const WEB_ROOT = resolve(import.meta.dirname, '../../out/web');
const EVENTS_PER_SECOND = 1000;
const SECONDS = 10;
const RUNS = 4;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
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

interface StreamResult {
  longTasks: number[];
  worstLoopDelay: number;
  events: number;
  points: number;
}

/** Runs in the page: streams synthetic engine messages and watches the main thread. */
async function streamInPage(args: {
  perSecond: number;
  seconds: number;
  runs: number;
}): Promise<StreamResult> {
  type Hook = {
    ingest(data: unknown): void;
    chart(metric: string): { x: number[] } | null;
  };
  const hook = (globalThis as unknown as { __atlasCharts: Hook }).__atlasCharts;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const launch = 1000;
  const runIds = Array.from({ length: args.runs }, (_, i) => `bench${i}`);
  hook.ingest({ type: 'state', launch, state: 'running' });
  hook.ingest({
    type: 'events',
    launch,
    events: runIds.map((run) => ({
      type: 'start',
      run,
      backend: 'wasm',
      backendReason: 'bench',
      optimizer: 'optimizer.adam',
      model: 'model.mlp',
      dataset: 'dataset.spiral',
      parameters: 1000,
      totalSteps: 1_000_000,
      stepsPerEpoch: 100,
      seed: 1,
    })),
  });
  // Worst gap between MessageChannel pings: how long the loop was blocked.
  let worstLoopDelay = 0;
  let pinging = true;
  const channel = new MessageChannel();
  let sentAt = performance.now();
  channel.port1.onmessage = () => {
    const now = performance.now();
    worstLoopDelay = Math.max(worstLoopDelay, now - sentAt);
    if (!pinging) return;
    setTimeout(() => {
      sentAt = performance.now();
      channel.port2.postMessage(0);
    }, 5);
  };
  channel.port2.postMessage(0);

  let sent = 0;
  const start = performance.now();
  const total = args.perSecond * args.seconds;
  await new Promise<void>((done) => {
    const tick = () => {
      const due = Math.min(
        total,
        Math.floor(((performance.now() - start) / 1000) * args.perSecond),
      );
      const events = [];
      for (; sent < due; sent++) {
        const run = runIds[sent % args.runs]!;
        const step = Math.floor(sent / args.runs);
        const loss = 2 * Math.exp(-step / 2000) + 0.05 * Math.sin(step / 7);
        events.push({
          type: 'step',
          run,
          step,
          epoch: Math.floor(step / 100),
          loss,
          lr: 0.001,
          gradNorm: loss * 3,
          time: step * 4,
        });
      }
      if (events.length > 0) hook.ingest({ type: 'events', launch, events });
      if (sent >= total) done();
      else setTimeout(tick, 10);
    };
    tick();
  });
  await new Promise((r) => setTimeout(r, 500)); // let the last frame draw
  pinging = false;
  observer.disconnect();
  return { longTasks, worstLoopDelay, events: sent, points: hook.chart('loss')?.x.length ?? 0 };
}

export async function benchUiStream(): Promise<BenchRow[]> {
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
    // tsx compiles with keepNames: functions sent to the page call its __name helper.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('app-shell').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => '__atlasCharts' in globalThis, null, { timeout: 20_000 });
    const result = await page.evaluate(streamInPage, {
      perSecond: EVENTS_PER_SECOND,
      seconds: SECONDS,
      runs: RUNS,
    });
    const longest = result.longTasks.length > 0 ? Math.max(...result.longTasks) : 0;
    const label = `${EVENTS_PER_SECOND} events/s × ${SECONDS} s, ${RUNS} runs`;
    return [
      {
        bench: `ui stream: longest long task (${label})`,
        a:
          longest > 0
            ? `${longest.toFixed(0)} ms (${result.longTasks.length} over 50 ms)`
            : 'none over 50 ms',
        b: '50 ms budget',
        ratio: longest / 50,
        target: '< 1.00×',
      },
      {
        bench: `ui stream: worst event-loop delay (${result.points} points drawn)`,
        a: `${result.worstLoopDelay.toFixed(1)} ms`,
        b: '50 ms budget',
        ratio: result.worstLoopDelay / 50,
        target: '< 1.00×',
      },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { formatTable } = await import('./report');
  console.log(formatTable(await benchUiStream()));
}
