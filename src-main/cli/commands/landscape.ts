import { dirname, extname, resolve } from 'node:path';
import { lastValueFrom, Subject, takeUntil, tap } from 'rxjs';
import { type CompiledGraph, compileGraph } from '../../../src-shared/engine/compile-graph';
import {
  computeLandscape,
  type LandscapeResult,
  landscapePathsToVtk,
  landscapeToCsv,
  landscapeToJson,
  landscapeToVtk,
  pathsFileFor,
} from '../../../src-shared/engine/landscape';
import { parseLandscapeOptions } from '../../../src-shared/engine/landscape/options';
import {
  type LandscapeJob,
  landscapeJob,
  landscapeViews,
} from '../../../src-shared/engine/landscape-job';
import { serializeGraph } from '../../../src-shared/graph/index';
import { initNodeBackend } from '../../host/nodeBackend';
import type { TaskRunner } from '../../pool/localPool';
import { defaultPoolSize, openRunner } from '../../pool/runner';
import { tiledSurface } from '../../pool/tiledSurface';
import { writeFileAtomic } from '../../services/graphFiles';
import type { Command } from '../command';
import { bytesReaderBeside, fileReaderBeside, loadGraphOrThrow } from '../graphFile';
import { Interrupted, listenForInterrupts } from '../interrupt';
import { type CliIo, EXIT } from '../io';
import { integerOption, parseOptions, progressBar, UsageError } from '../options';
import { checkOutputPath, OutputError } from '../outputs';
import { printable, printableLines } from '../printable';
import { RunFailed, reportFailure } from './run';

const LANDSCAPE_USAGE =
  '<graph.json> --out surface.json [--grid N] [--range R] [--directions random|pca] [--steps N] [--seed S] [--backend wasm|cpu] [--workers N] [--queue redis://HOST:PORT]';

function parseLandscapeArgs(args: readonly string[]) {
  const { positional, options } = parseOptions(args, [
    'out',
    'grid',
    'range',
    'directions',
    'steps',
    'backend',
    'seed',
    'workers',
    'queue',
  ]);
  if (positional.length !== 1 || !options.has('out'))
    throw new UsageError(`usage: atlas landscape ${LANDSCAPE_USAGE}`);
  const directions = options.get('directions');
  if (directions !== undefined && directions !== 'random' && directions !== 'pca') {
    throw new UsageError(`--directions must be random or pca, got '${directions}'`);
  }
  const rangeRaw = options.get('range');
  const range = rangeRaw === undefined ? undefined : Number(rangeRaw);
  if (range !== undefined && !(Number.isFinite(range) && range > 0 && range <= 1000)) {
    throw new UsageError(`--range must be a number in (0, 1000], got '${rangeRaw}'`);
  }
  const backend = options.get('backend') ?? 'auto';
  if (!['auto', 'wasm', 'cpu'].includes(backend))
    throw new UsageError(`--backend must be wasm or cpu, got '${backend}'`);
  return {
    file: positional[0]!,
    out: options.get('out')!,
    grid: integerOption(options, 'grid', 2, 401),
    range,
    directions: directions as 'random' | 'pca' | undefined,
    steps: integerOption(options, 'steps', 1, 10_000_000),
    seed: integerOption(options, 'seed', 0, 2 ** 31 - 1),
    backend: backend as 'auto' | 'wasm' | 'cpu',
    workers: integerOption(options, 'workers', 1, 256),
    queue: options.get('queue'),
  };
}

function encode(result: LandscapeResult, path: string): string {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return landscapeToCsv(result);
  if (ext === '.vtk') return landscapeToVtk(result);
  return `${landscapeToJson(result, 2)}\n`;
}

/** `surface.json` for the first view, `surface.<view>.json` for any others. */
function outputPath(out: string, view: string, index: number): string {
  if (index === 0) return out;
  const ext = extname(out);
  return `${out.slice(0, out.length - ext.length)}.${view}${ext}`;
}

/** The job with its surface filled by row tiles on `runner` (unchanged without one). */
function withTiles(
  job: LandscapeJob,
  runner: TaskRunner | undefined,
  base: {
    graph: string;
    seed?: number;
    maxSteps?: number;
    backend: 'auto' | 'wasm' | 'cpu';
    tiles: number;
  },
): LandscapeJob {
  if (!runner) return job;
  const options = parseLandscapeOptions(job.input.options);
  const fill = tiledSurface(
    runner,
    {
      graph: base.graph,
      ...(base.seed !== undefined ? { seed: base.seed } : {}),
      ...(base.maxSteps !== undefined ? { maxSteps: base.maxSteps } : {}),
      run: job.runs[0]!,
      evalSamples: options.evalSamples,
      evalSeed: options.seed,
      mode: options.mode,
      backend: base.backend,
    },
    base.tiles,
  );
  return { ...job, input: { ...job.input, fillSurface: fill } };
}

async function writeLandscapes(args: readonly string[], io: CliIo): Promise<number> {
  const opts = parseLandscapeArgs(args);
  await checkOutputPath('out', opts.out, { atomic: true });
  const graph = await loadGraphOrThrow(opts.file);
  // Every file this will write, checked before any training (one per landscape view).
  const views = landscapeViews(graph);
  const targets = views.map((view, index) => outputPath(opts.out, view.id, index));
  for (const target of targets.slice(1)) await checkOutputPath('out', target, { atomic: true });
  for (const target of targets.filter((t) => extname(t).toLowerCase() === '.vtk')) {
    await checkOutputPath('out', pathsFileFor(target), { atomic: true });
  }
  const path = resolve(opts.file);
  const backend = await initNodeBackend(opts.backend);
  // With --workers N > 1 or --queue, the surface is filled by row tiles on the pool; the
  // pool starts now, so its threads load while the runs train.
  const tiled =
    opts.queue || (opts.workers ?? 1) > 1
      ? await openRunner(opts.queue, opts.workers ?? defaultPoolSize(), dirname(path))
      : null;
  let compiled: CompiledGraph;
  try {
    compiled = compileGraph(graph, {
      backend,
      maxSteps: opts.steps,
      seed: opts.seed,
      recordTrajectories: 'all',
      readText: fileReaderBeside(path),
      readBytes: bytesReaderBeside(path),
    });
  } catch (error) {
    await tiled?.runner.close();
    throw error;
  }
  io.stderr.write(
    `atlas: ${printable(graph.name)} · training ${compiled.runs.length} run(s) on ${backend.name}\n`,
  );
  let diverged = 0;
  compiled.controller.events$.subscribe({
    next: (e) => {
      if (e.type !== 'done') return;
      if (e.status === 'diverged') diverged += 1;
      io.stderr.write(
        `  ${e.run}: ${printableLines(e.reason ?? `${e.status} after ${e.steps} steps`)}\n`,
      );
    },
    error: () => {}, // a failing step rejects start(), reported there
  });
  const abort = new Subject<void>();
  const interrupts = listenForInterrupts(() => {
    compiled.controller.stop();
    abort.next();
  });
  const checkInterrupted = () => {
    if (interrupts.signal) throw new Interrupted(interrupts.signal);
  };
  try {
    await compiled.controller.start().catch((error: unknown) => {
      throw new RunFailed(error);
    });
    checkInterrupted();
    if (tiled) io.stderr.write(`  surface by row tiles on ${tiled.where}\n`);
    for (const [index, view] of views.entries()) {
      const job = withTiles(
        landscapeJob(graph, compiled, view, {
          grid: opts.grid,
          range: opts.range,
          directions: opts.directions,
        }),
        tiled?.runner,
        {
          graph: serializeGraph(graph),
          seed: opts.seed,
          maxSteps: opts.steps,
          backend: opts.backend,
          tiles: 4 * (opts.workers ?? defaultPoolSize()),
        },
      );
      let lastDraw = 0;
      const final = await lastValueFrom(
        computeLandscape(job.input).pipe(
          takeUntil(abort),
          tap((p) => {
            const now = Date.now();
            if (io.stderr.isTTY && now - lastDraw > 100) {
              lastDraw = now;
              io.stderr.write(`\r${progressBar(p.fraction)} ${view.id}: ${p.phase}\x1b[K`);
            }
          }),
        ),
        { defaultValue: null },
      );
      if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
      checkInterrupted();
      if (!final?.result)
        throw new Error(`${view.id}: the landscape computation ended without a result`);
      const target = resolve(targets[index]!);
      try {
        await writeFileAtomic(target, encode(final.result, target));
        // VTK: the paths go beside the surface, as polylines with step and loss arrays.
        if (extname(target).toLowerCase() === '.vtk') {
          await writeFileAtomic(pathsFileFor(target), landscapePathsToVtk(final.result));
        }
      } catch (error) {
        throw new OutputError('out', target, error);
      }
      const r = final.result;
      io.stderr.write(
        `  ${view.id}: ${r.grid}×${r.grid} ${r.directions.type} surface, ${r.paths.length} path(s), ${Math.round(r.evaluation.pointsPerSecond)} points/s → ${printable(target)}\n`,
      );
      for (const note of r.notes) io.stderr.write(`  note: ${printableLines(note)}\n`);
    }
  } finally {
    interrupts.dispose();
    compiled.dispose();
    await tiled?.runner.close();
  }
  return diverged > 0 ? EXIT.diverged : EXIT.ok;
}

export const landscapeCommand: Command = {
  name: 'landscape',
  usage: LANDSCAPE_USAGE,
  summary: 'Train, then write the loss surface and the projected paths (.json, .csv or .vtk)',
  async run(args, io) {
    try {
      return await writeLandscapes(args, io);
    } catch (error) {
      return reportFailure(error, io);
    }
  },
};
