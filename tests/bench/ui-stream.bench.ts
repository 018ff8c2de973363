import { resolve } from 'node:path';
import type { BenchRow } from './report';
import { openWebApp } from './webApp';

const EVENTS_PER_SECOND = 1000;
const SECONDS = 10;
const RUNS = 4;

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
  const app = await openWebApp();
  try {
    const { page } = app;
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
    await app.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { formatTable } = await import('./report');
  console.log(formatTable(await benchUiStream()));
}
