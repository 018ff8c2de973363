/**
 * One task of the pool, in whichever process or thread runs it (a pool worker, a BullMQ
 * worker): a sweep trial or a landscape tile. Validates the task, sets this thread's tfjs
 * backend once, and returns a plain, structured-cloneable outcome.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../../src-shared/engine/backend';
import { type CompiledGraph, compileGraph } from '../../src-shared/engine/compile-graph';
import { evalBatch, selectEvalSubset } from '../../src-shared/engine/landscape/eval-subset';
import {
  createPointEvaluator,
  type PointEvaluator,
} from '../../src-shared/engine/landscape/point-evaluator';
import { evaluateTile } from '../../src-shared/engine/landscape/tiles';
import type { Batch } from '../../src-shared/engine/types';
import { type GraphDocument, parseGraphText } from '../../src-shared/graph/index';
import { type TrialOutcome, TrialTaskSchema } from '../../src-shared/protocol/sweep';
import { type TileOutcome, TileTaskSchema } from '../../src-shared/protocol/tiles';
import { runTrial } from '../../src-shared/sweep/run-trial';
import { initNodeBackend } from '../host/nodeBackend';

let backend: Promise<BackendChoice> | null = null;
let backendRequested: string | null = null;

function backendFor(requested: 'auto' | 'wasm' | 'cpu'): Promise<BackendChoice> {
  if (!backend || backendRequested !== requested) {
    backendRequested = requested;
    backend = initNodeBackend(requested);
  }
  return backend;
}

function parseTaskGraph(text: string): GraphDocument {
  const parsed = parseGraphText(text);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    throw new Error(`the task's graph is invalid: ${first?.path}: ${first?.message}`);
  }
  return parsed.graph;
}

const reader = (baseDir?: string) =>
  baseDir ? (path: string) => readFileSync(resolve(baseDir, path), 'utf8') : undefined;

export async function runTrialTask(input: unknown, baseDir?: string): Promise<TrialOutcome> {
  const task = TrialTaskSchema.parse(input);
  const chosen = await backendFor(task.backend);
  return runTrial(parseTaskGraph(task.graph), task.trial, {
    backend: chosen,
    stopAfterStep: task.stopAfterStep,
    readText: reader(baseDir),
  });
}

/** The model and evaluation batch of the last tile's landscape, kept for its next tiles. */
let tileCache: {
  key: string;
  compiled: CompiledGraph;
  batch: Batch | null;
  evaluator: PointEvaluator;
} | null = null;

export async function runTileTask(input: unknown, baseDir?: string): Promise<TileOutcome> {
  const task = TileTaskSchema.parse(input);
  const chosen = await backendFor(task.backend);
  const key = JSON.stringify([
    task.graph,
    task.seed,
    task.maxSteps,
    task.run,
    task.evalSamples,
    task.evalSeed,
  ]);
  if (tileCache?.key !== key) {
    if (tileCache) {
      tileCache.compiled.dispose();
      if (tileCache.batch) tf.dispose([tileCache.batch.x, tileCache.batch.y]);
      tileCache = null;
    }
    const compiled = compileGraph(parseTaskGraph(task.graph), {
      backend: chosen,
      seed: task.seed,
      maxSteps: task.maxSteps,
      readText: reader(baseDir),
      recordTrajectories: false,
    });
    const inputs = compiled.runInputs.get(task.run);
    if (!inputs) {
      compiled.dispose();
      throw new Error(`the task's graph has no run '${task.run}'`);
    }
    const { model, dataset } = inputs;
    const batch = dataset
      ? evalBatch(
          selectEvalSubset(dataset.train, task.evalSamples, task.evalSeed),
          model.task === 'surface' ? 'regression' : model.task,
        )
      : null;
    const evaluator = createPointEvaluator(model, batch, { mode: task.mode });
    tileCache = { key, compiled, batch, evaluator };
  }
  const values = evaluateTile(tileCache.evaluator, {
    center: Float32Array.from(task.center),
    delta: Float32Array.from(task.delta),
    eta: Float32Array.from(task.eta),
    alphas: task.alphas,
    betas: task.betas,
  });
  const plain = (a: Float32Array) => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
  return {
    kind: 'tile',
    row0: task.row0,
    loss: plain(values.loss),
    accuracy: values.accuracy ? plain(values.accuracy) : null,
  };
}

/** Either kind of task, by its `kind`. */
export function runPoolTask(input: unknown, baseDir?: string): Promise<TrialOutcome | TileOutcome> {
  const kind = (input as { kind?: unknown } | null)?.kind;
  return kind === 'tile' ? runTileTask(input, baseDir) : runTrialTask(input, baseDir);
}
