/**
 * `atlas sweep <graph.json> [--workers N] [--queue URL] [--out results.csv|.json]
 * [--events FILE|-] [--backend wasm|cpu]`: runs the graph's sweep on a local pool of worker
 * threads (or through BullMQ on Redis), NDJSON `trial` events as trials finish, then
 * `sweep-done` with the best trial. Exit 0; 2 on bad input; 3 when every trial diverged.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { serializeGraph } from '../../../src-shared/graph/index';
import type { SweepDoneEvent, TrialOutcome } from '../../../src-shared/protocol/sweep';
import { axisKey, expandSweep } from '../../../src-shared/sweep/expand';
import { sweepResultsToCsv, sweepResultsToJson } from '../../../src-shared/sweep/results';
import { bestTrial, runSweep, type TrialExecutor } from '../../../src-shared/sweep/run-sweep';
import { defaultPoolSize, openRunner } from '../../pool/runner';
import { writeFileAtomic } from '../../services/graphFiles';
import type { Command } from '../command';
import { openEventsFile } from '../eventsFile';
import { loadGraphOrThrow } from '../graphFile';
import { type CliIo, EXIT } from '../io';
import { integerOption, parseOptions, UsageError } from '../options';
import { checkOutputPath, OutputError } from '../outputs';
import { printable } from '../printable';
import { reportFailure } from './run';

const SWEEP_USAGE =
  '<graph.json> [--workers N] [--queue redis://HOST:PORT] [--out results.csv|.json] [--events FILE|-] [--backend wasm|cpu]';

export function parseSweepArgs(args: readonly string[]) {
  const { positional, options } = parseOptions(args, [
    'workers',
    'queue',
    'out',
    'events',
    'backend',
  ]);
  if (positional.length !== 1) throw new UsageError(`usage: atlas sweep ${SWEEP_USAGE}`);
  const backend = options.get('backend') ?? 'auto';
  if (!['auto', 'wasm', 'cpu'].includes(backend)) {
    throw new UsageError(`--backend must be wasm or cpu, got '${backend}'`);
  }
  const out = options.get('out');
  if (out !== undefined && !['.csv', '.json'].includes(extname(out).toLowerCase())) {
    throw new UsageError(`--out must end in .csv or .json, got '${out}'`);
  }
  return {
    file: positional[0]!,
    workers: integerOption(options, 'workers', 1, 256),
    queue: options.get('queue'),
    out,
    events: options.get('events') ?? '-',
    backend: backend as 'auto' | 'wasm' | 'cpu',
  };
}

export interface SweepOutcome {
  readonly exitCode: number;
  readonly outcomes: readonly TrialOutcome[];
}

export async function sweepGraphFile(args: readonly string[], io: CliIo): Promise<SweepOutcome> {
  const opts = parseSweepArgs(args);
  if (opts.out) await checkOutputPath('out', opts.out, { atomic: true });
  const graph = await loadGraphOrThrow(opts.file);
  if (!graph.sweep) {
    throw new UsageError(
      `${opts.file}: the graph has no sweep (add one with "Sweep this param" in the inspector, or a "sweep" key)`,
    );
  }
  const trials = expandSweep(graph);
  const keys = graph.sweep.axes.map(axisKey);
  const text = serializeGraph(graph);
  // A dataset.csv beside the graph: worker processes read it from the same folder.
  const baseDir = dirname(resolve(opts.file));
  await readFile(resolve(opts.file)); // still there: fail early and plainly if not
  let runnerRef: { close(): Promise<void> } | null = null;
  const sink =
    opts.events === '-'
      ? null
      : await openEventsFile(opts.events, () => void runnerRef?.close().catch(() => {}));
  const write = (value: unknown) => {
    const line = `${JSON.stringify(value)}\n`;
    if (sink) {
      if (sink.error() === null) sink.stream.write(line);
    } else io.stdout.write(line);
  };

  const { runner, where } = await openRunner(
    opts.queue,
    Math.min(opts.workers ?? defaultPoolSize(), trials.length),
    baseDir,
  );
  runnerRef = runner;
  const execute: TrialExecutor = (task) => runner.runTrial(task);
  const close = () => runner.close();
  io.stderr.write(
    `atlas: ${printable(graph.name)} · sweep of ${trials.length} trial(s) over ${keys.join(', ')} · ${where}\n`,
  );
  const onOutcome = (outcome: TrialOutcome) => {
    const s = outcome.summary;
    write({ type: 'trial', event: 'start', trial: s.trial, params: s.params });
    for (const event of outcome.events)
      write({ ...event, type: 'trial', event: event.type, trial: s.trial });
    write({ ...s, type: 'trial', event: 'done' });
    const detail = s.status === 'completed' ? `final loss ${s.finalLoss}` : (s.reason ?? s.status);
    const params = keys.map((k) => `${k}=${s.params[k]}`).join(' ');
    io.stderr.write(`  trial ${s.trial} (${params}): ${s.status}, ${detail}\n`);
  };
  let outcomes: TrialOutcome[];
  try {
    outcomes = await runSweep(graph, text, execute, { backend: opts.backend, onOutcome });
  } finally {
    await close();
  }
  const summaries = outcomes.map((o) => o.summary);
  const count = (status: string) => summaries.filter((s) => s.status === status).length;
  const done: SweepDoneEvent = {
    type: 'sweep-done',
    trials: summaries.length,
    completed: count('completed'),
    diverged: count('diverged'),
    stopped: count('stopped'),
    best: bestTrial(summaries),
  };
  write(done);
  if (sink) {
    sink.stream.end();
    await finished(sink.stream).catch(() => {}); // its error is sink.error()
    if (sink.error() !== null) throw new OutputError('events', opts.events, sink.error());
  }
  if (opts.out) {
    const target = resolve(opts.out);
    const body =
      extname(target).toLowerCase() === '.csv'
        ? sweepResultsToCsv(keys, summaries)
        : sweepResultsToJson(graph.name, keys, summaries);
    try {
      await writeFileAtomic(target, body);
    } catch (error) {
      throw new OutputError('out', target, error);
    }
    io.stderr.write(`  results → ${printable(target)}\n`);
  }
  if (done.best) {
    const best = keys.map((k) => `${k}=${done.best!.params[k]}`).join(' ');
    io.stderr.write(
      `  best: trial ${done.best.trial} (${best}), final loss ${done.best.finalLoss}\n`,
    );
  }
  const allDiverged = summaries.length > 0 && done.diverged === summaries.length;
  return { exitCode: allDiverged ? EXIT.diverged : EXIT.ok, outcomes };
}

export const sweepCommand: Command = {
  name: 'sweep',
  usage: SWEEP_USAGE,
  summary: "Run the graph's hyper-parameter sweep on a pool of worker processes (or a Redis queue)",
  async run(args, io) {
    try {
      return (await sweepGraphFile(args, io)).exitCode;
    } catch (error) {
      return reportFailure(error, io);
    }
  },
};
