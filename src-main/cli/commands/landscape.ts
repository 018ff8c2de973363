import { promises as fs, constants as fsConstants } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { lastValueFrom, tap } from 'rxjs';
import { compileGraph } from '../../../src-shared/engine/compileGraph';
import {
  computeLandscape,
  type LandscapeResult,
  landscapePathsToVtk,
  landscapeToCsv,
  landscapeToJson,
  landscapeToVtk,
  pathsFileFor,
} from '../../../src-shared/engine/landscape';
import { landscapeJob, landscapeViews } from '../../../src-shared/engine/landscapeJob';
import { initNodeBackend } from '../../host/nodeBackend';
import { writeFileAtomic } from '../../services/graphFiles';
import type { Command } from '../command';
import { fileReaderBeside, loadGraphOrThrow } from '../graphFile';
import { type CliIo, EXIT } from '../io';
import { integerOption, parseOptions, progressBar, UsageError } from '../options';
import { RunFailed, reportFailure } from './run';

const LANDSCAPE_USAGE =
  '<graph.json> --out surface.json [--grid N] [--range R] [--directions random|pca] [--steps N] [--seed S] [--backend wasm|cpu]';

function parseLandscapeArgs(args: readonly string[]) {
  const { positional, options } = parseOptions(args, [
    'out',
    'grid',
    'range',
    'directions',
    'steps',
    'backend',
    'seed',
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
  };
}

/** Fails before any training when the output's folder cannot take the file. */
async function checkWritableFolder(out: string): Promise<void> {
  const folder = dirname(resolve(out));
  try {
    const stat = await fs.stat(folder);
    if (!stat.isDirectory()) throw new UsageError(`--out ${out}: ${folder} is not a folder`);
    await fs.access(folder, fsConstants.W_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--out ${out}: ${code === 'ENOENT' ? `no such folder ${folder}` : `cannot write in ${folder} (${code})`}`,
    );
  }
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

async function writeLandscapes(args: readonly string[], io: CliIo): Promise<number> {
  {
    const opts = parseLandscapeArgs(args);
    await checkWritableFolder(opts.out);
    const graph = await loadGraphOrThrow(opts.file);
    const path = resolve(opts.file);
    const backend = await initNodeBackend(opts.backend);
    const compiled = compileGraph(graph, {
      backend,
      maxSteps: opts.steps,
      seed: opts.seed,
      recordTrajectories: 'all',
      readText: fileReaderBeside(path),
    });
    io.stderr.write(
      `atlas: ${graph.name} · training ${compiled.runs.length} run(s) on ${backend.name}\n`,
    );
    let diverged = 0;
    compiled.controller.events$.subscribe({
      next: (e) => {
        if (e.type !== 'done') return;
        if (e.status === 'diverged') diverged += 1;
        io.stderr.write(`  ${e.run}: ${e.reason ?? `${e.status} after ${e.steps} steps`}\n`);
      },
      error: () => {}, // a failing step rejects start(), reported there
    });
    try {
      await compiled.controller.start().catch((error: unknown) => {
        throw new RunFailed(error);
      });
      const views = landscapeViews(graph);
      for (const [index, view] of views.entries()) {
        const job = landscapeJob(graph, compiled, view, {
          grid: opts.grid,
          range: opts.range,
          directions: opts.directions,
        });
        let lastDraw = 0;
        const progress = lastValueFrom(
          computeLandscape(job.input).pipe(
            tap((p) => {
              const now = Date.now();
              if (io.stderr.isTTY && now - lastDraw > 100) {
                lastDraw = now;
                io.stderr.write(`\r${progressBar(p.fraction)} ${view.id}: ${p.phase}\x1b[K`);
              }
            }),
          ),
        );
        const final = await progress;
        if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
        if (!final.result)
          throw new Error(`${view.id}: the landscape computation ended without a result`);
        const target = resolve(outputPath(opts.out, view.id, index));
        await writeFileAtomic(target, encode(final.result, target));
        // VTK: the paths go beside the surface, as polylines with step and loss arrays.
        if (extname(target).toLowerCase() === '.vtk')
          await writeFileAtomic(pathsFileFor(target), landscapePathsToVtk(final.result));
        const r = final.result;
        io.stderr.write(
          `  ${view.id}: ${r.grid}×${r.grid} ${r.directions.type} surface, ${r.paths.length} path(s), ${Math.round(r.evaluation.pointsPerSecond)} points/s → ${target}\n`,
        );
        for (const note of r.notes) io.stderr.write(`  note: ${note}\n`);
      }
    } finally {
      compiled.dispose();
    }
    return diverged > 0 ? EXIT.diverged : EXIT.ok;
  }
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
