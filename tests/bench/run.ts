/**
 * `npm run bench`: every benchmark, each measuring two things side by side in one run and
 * printing their ratio. Not a test: these machines are shared and noisy, so the figures are
 * read by people (and quoted in closing notes), never asserted.
 */
import { type BenchRow, formatTable } from './report';
import { benchTraining } from './training.bench';

const suites: Record<string, () => Promise<BenchRow[]>> = {
  training: benchTraining,
  landscape: async () => (await import('./landscape.bench')).benchLandscapeRows(),
  'first-picture': async () => (await import('./first-picture')).benchFirstPicture(),
  viewer: async () => (await import('./viewer.bench')).benchViewer(),
  pytorch: async () => (await import('./pytorch.bench')).benchPytorch(),
  ui: async () => (await import('./ui-stream.bench')).benchUiStream(),
  curvature: async () => (await import('./curvature.bench')).benchCurvature(),
  sweep: async () => (await import('./sweep.bench')).benchSweep(),
  threads: async () => (await import('./wasm-threads.bench')).benchWasmThreads(),
};

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  try {
    rows.push(...(await suite()));
  } catch (error) {
    process.stderr.write(
      `bench: ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
console.log(formatTable(rows));
