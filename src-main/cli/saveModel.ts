/**
 * `atlas run --save-model DIR`: each trained run's model in the TensorFlow.js Layers format
 * (model.json + weights.bin). DIR is checked before training, so a bad path costs nothing.
 * One run writes DIR/model.json; several write DIR/<run id>/model.json.
 */
import { accessSync, constants, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompiledGraph } from '../../src-shared/engine/compileGraph';
import { exportLayersModel, exportUnavailable, WEIGHTS_FILE } from '../../src-shared/engine/models';
import { UsageError } from './options';

/** Folder of each run's files under `dir`. */
function folderOf(dir: string, compiled: CompiledGraph, run: string): string {
  return compiled.runs.length === 1 ? dir : join(dir, run);
}

/**
 * Before any training: every run's model can be exported and DIR can be created and written.
 * (A minimal check of its own; the CLI's shared output-path check can take it over.)
 */
export function checkSaveModelDir(dir: string, compiled: CompiledGraph): void {
  for (const run of compiled.runs) {
    const model = compiled.runInputs.get(run.id)?.model;
    const why = model ? exportUnavailable(model) : 'no model';
    if (why) throw new UsageError(`--save-model: run '${run.id}' cannot be saved: ${why}`);
  }
  try {
    mkdirSync(resolve(dir), { recursive: true });
    accessSync(resolve(dir), constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`--save-model ${dir}: cannot be written (${code})`);
  }
}

function writeAtomically(path: string, data: string | Uint8Array): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** Writes every run's current parameters; returns the model.json paths written. */
export function saveRunModels(dir: string, compiled: CompiledGraph): string[] {
  return compiled.runs.map((run) => {
    const model = compiled.runInputs.get(run.id)!.model;
    const artifacts = exportLayersModel(model, run.currentParamList());
    const folder = resolve(folderOf(dir, compiled, run.id));
    mkdirSync(folder, { recursive: true });
    writeAtomically(join(folder, WEIGHTS_FILE), artifacts.weights);
    const json = join(folder, 'model.json');
    writeAtomically(json, `${JSON.stringify(artifacts.modelJson, null, 1)}\n`);
    return json;
  });
}
