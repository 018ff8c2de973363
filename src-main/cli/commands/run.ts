/**
 * `atlas run <graph.json> [--steps N] [--seed S] [--backend wasm|cpu] [--events FILE|-]
 * [--trace params]`: trains every train block, NDJSON events to FILE or stdout, progress on
 * stderr. Exit 0 when every run completed, 3 when one diverged, 2 on bad input.
 */
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { CompileError, compileGraph } from '../../../src-shared/engine/compile-graph';
import type { RunEvent } from '../../../src-shared/protocol/events';
import { initNodeBackend } from '../../host/nodeBackend';
import type { Command } from '../command';
import { type EventsFile, openEventsFile } from '../eventsFile';
import { bytesReaderBeside, fileReaderBeside, GraphProblems, loadGraphOrThrow } from '../graphFile';
import { Interrupted, listenForInterrupts, SIGNAL_EXIT } from '../interrupt';
import { type CliIo, EXIT } from '../io';
import { integerOption, parseOptions, progressBar, UsageError } from '../options';
import { checkOutputPath, OutputError } from '../outputs';
import { printable, printableLines } from '../printable';
import { checkSaveModelDir, saveRunModels } from '../saveModel';

const RUN_USAGE =
  '<graph.json> [--steps N] [--seed S] [--backend wasm|cpu] [--events FILE|-] [--trace params] [--save-model DIR]';

export interface RunOutcome {
  readonly exitCode: number;
  readonly done: RunEvent[];
}

export function parseRunArgs(args: readonly string[]) {
  const { positional, options } = parseOptions(args, [
    'steps',
    'seed',
    'backend',
    'events',
    'trace',
    'save-model',
  ]);
  if (positional.length !== 1) throw new UsageError(`usage: atlas run ${RUN_USAGE}`);
  const backend = options.get('backend') ?? 'auto';
  if (!['auto', 'wasm', 'cpu'].includes(backend)) {
    throw new UsageError(`--backend must be wasm or cpu, got '${backend}'`);
  }
  const trace = options.get('trace');
  if (trace !== undefined && trace !== 'params')
    throw new UsageError(`--trace takes 'params', got '${trace}'`);
  return {
    file: positional[0]!,
    steps: integerOption(options, 'steps', 1, 10_000_000),
    seed: integerOption(options, 'seed', 0, 2 ** 31 - 1),
    backend: backend as 'auto' | 'wasm' | 'cpu',
    events: options.get('events') ?? '-',
    traceParams: trace === 'params',
    saveModel: options.get('save-model') ?? null,
  };
}

/** A step failed mid-run (a singular Newton system, say): the graph's doing, exit 2. */
export class RunFailed extends Error {
  constructor(cause: unknown) {
    super(`the run failed: ${oneLine(cause)}`);
    this.name = 'RunFailed';
  }
}

/** An error's message as one short line (tfjs's can hold pages of minified source). */
function oneLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Reports a problem the user can act on; returns the exit code. */
export function reportFailure(error: unknown, io: CliIo): number {
  const say = (line: string) => io.stderr.write(`${printable(line)}\n`);
  if (error instanceof GraphProblems) {
    for (const line of error.lines) say(line);
    return EXIT.invalid;
  }
  if (error instanceof CompileError) {
    for (const p of error.problems) say(`${p.path}: ${p.message}`);
    return EXIT.invalid;
  }
  if (error instanceof UsageError || error instanceof RunFailed) {
    say(`atlas: ${error.message}`);
    return EXIT.invalid;
  }
  if (error instanceof OutputError) {
    say(`atlas: ${error.message}`);
    return EXIT.output;
  }
  if (error instanceof Interrupted) {
    say(`atlas: ${error.message}; stopped`);
    return SIGNAL_EXIT[error.signal];
  }
  say(`atlas: ${oneLine(error)}`);
  return EXIT.internal;
}

export const runCommand: Command = {
  name: 'run',
  usage: RUN_USAGE,
  summary: 'Train every train block; progress on stderr, NDJSON events to FILE or stdout',
  async run(args, io) {
    try {
      return (await runGraphFile(args, io)).exitCode;
    } catch (error) {
      return reportFailure(error, io);
    }
  },
};

export async function runGraphFile(args: readonly string[], io: CliIo): Promise<RunOutcome> {
  const opts = parseRunArgs(args);
  if (opts.events !== '-') await checkOutputPath('events', opts.events, { atomic: false });
  const graph = await loadGraphOrThrow(opts.file);
  const path = resolve(opts.file);
  const backend = await initNodeBackend(opts.backend);
  const compiled = compileGraph(graph, {
    backend,
    traceParams: opts.traceParams,
    seed: opts.seed,
    maxSteps: opts.steps,
    readText: fileReaderBeside(path),
    readBytes: bytesReaderBeside(path),
  });
  if (opts.saveModel !== null) {
    try {
      await checkSaveModelDir(opts.saveModel, compiled);
    } catch (error) {
      compiled.dispose();
      throw error;
    }
  }
  let sink: EventsFile | null = null;
  try {
    sink =
      opts.events === '-'
        ? null
        : await openEventsFile(opts.events, () => compiled.controller.stop());
  } catch (error) {
    compiled.dispose();
    throw error;
  }
  const write = (line: string) => {
    if (sink) {
      if (sink.error() === null) sink.stream.write(line);
    } else io.stdout.write(line);
  };

  io.stderr.write(
    `atlas: ${printable(graph.name)} · ${compiled.runs.length} run(s) · backend ${backend.name} (${backend.reason})\n`,
  );
  const done: RunEvent[] = [];
  const progress = new Map<string, number>();
  const total = compiled.runs.reduce((s, r) => s + r.totalSteps, 0);
  let lastDraw = 0;
  const interrupts = listenForInterrupts(() => compiled.controller.stop());
  const onEvent = (event: RunEvent) => {
    write(`${JSON.stringify(event)}\n`);
    if (event.type === 'step') progress.set(event.run, event.step + 1);
    if (event.type === 'done') {
      done.push(event);
      progress.set(event.run, event.steps);
      const detail =
        event.status === 'diverged'
          ? (event.reason ?? 'diverged')
          : `${event.status} after ${event.steps} steps`;
      if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
      io.stderr.write(
        `  ${event.run}: ${printableLines(detail)}, final loss ${event.finalLoss ?? 'NaN'}\n`,
      );
    }
    const now = Date.now();
    if (io.stderr.isTTY && now - lastDraw > 100) {
      lastDraw = now;
      const doneSteps = [...progress.values()].reduce((a, b) => a + b, 0);
      io.stderr.write(
        `\r${progressBar(total ? doneSteps / total : 1)} ${doneSteps}/${total} steps`,
      );
    }
  };
  // A failing step errors the stream and rejects start(): reported once, below.
  compiled.controller.events$.subscribe({ next: onEvent, error: () => {} });
  try {
    await compiled.controller.start();
    if (opts.saveModel !== null) {
      for (const file of await saveRunModels(opts.saveModel, compiled)) {
        io.stderr.write(`  model saved: ${printable(file)}\n`);
      }
    }
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new RunFailed(error);
  } finally {
    interrupts.dispose();
    compiled.dispose();
    if (sink) {
      sink.stream.end();
      await finished(sink.stream).catch(() => {}); // its error is sink.error()
    }
  }
  if (sink && sink.error() !== null) throw new OutputError('events', opts.events, sink.error());
  const status = (s: string) => done.some((e) => e.type === 'done' && e.status === s);
  const exitCode = interrupts.signal
    ? SIGNAL_EXIT[interrupts.signal]
    : status('diverged')
      ? EXIT.diverged
      : status('stopped')
        ? EXIT.interrupted
        : EXIT.ok;
  return { exitCode, done };
}
