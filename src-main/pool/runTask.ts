/**
 * One task of the pool, in whichever process or thread runs it (a worker thread, a BullMQ
 * worker): a sweep trial or a landscape tile. Validates the task, sets this thread's tfjs
 * backend once, and returns a plain, structured-cloneable outcome.
 */
import { parseGraphText } from '../../src-shared/graph/index';
import { type TrialOutcome, TrialTaskSchema } from '../../src-shared/protocol/sweep';
import { runTrial } from '../../src-shared/sweep/runTrial';
import { initNodeBackend } from '../host/nodeBackend';

let backend: ReturnType<typeof initNodeBackend> | null = null;
let backendRequested: string | null = null;

export async function runTrialTask(input: unknown, baseDir?: string): Promise<TrialOutcome> {
  const task = TrialTaskSchema.parse(input);
  if (!backend || backendRequested !== task.backend) {
    backendRequested = task.backend;
    backend = initNodeBackend(task.backend);
  }
  const chosen = await backend;
  const parsed = parseGraphText(task.graph);
  if (!parsed.ok) {
    throw new Error(`the trial's graph is invalid: ${parsed.problems[0]?.message ?? '?'}`);
  }
  const readText = baseDir ? await fileReader(baseDir) : undefined;
  return runTrial(parsed.graph, task.trial, {
    backend: chosen,
    stopAfterStep: task.stopAfterStep,
    readText,
  });
}

async function fileReader(baseDir: string): Promise<(path: string) => string> {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  return (path) => readFileSync(resolve(baseDir, path), 'utf8');
}
