/**
 * `atlas run --save-model DIR`: each trained run's model in the TensorFlow.js Layers format
 * (model.json + weights.bin). DIR is checked before training, so a bad path costs nothing.
 * One run writes DIR/model.json; several write DIR/<run id>/model.json.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CompiledGraph } from '../../src-shared/engine/compile-graph';
import { exportLayersModel, exportUnavailable, WEIGHTS_FILE } from '../../src-shared/engine/models';
import { writeFileAtomic } from '../services/graphFiles';
import { UsageError } from './options';
import { checkOutputPath, OutputError } from './outputs';
import { printable } from './printable';

/** Folder of each run's files under `dir`. */
function folderOf(dir: string, compiled: CompiledGraph, run: string): string {
  return compiled.runs.length === 1 ? dir : join(dir, run);
}

/**
 * Before any training: every run's model can be exported, and each file it will write passes
 * the CLI's output-path check (DIR and the run folders are created first).
 */
export async function checkSaveModelDir(dir: string, compiled: CompiledGraph): Promise<void> {
  for (const run of compiled.runs) {
    const model = compiled.runInputs.get(run.id)?.model;
    const why = model ? exportUnavailable(model) : 'no model';
    if (why) throw new UsageError(`--save-model: run '${run.id}' cannot be saved: ${why}`);
  }
  for (const run of compiled.runs) {
    const folder = resolve(folderOf(dir, compiled, run.id));
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw new UsageError(
        `--save-model ${printable(folder)}: cannot be written (${codeOf(error)})`,
      );
    }
    for (const file of ['model.json', WEIGHTS_FILE]) {
      await checkOutputPath('save-model', join(folder, file), { atomic: true });
    }
  }
}

const codeOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException | null)?.code ?? String(error);

/** Writes every run's current parameters; returns the model.json paths written. */
export async function saveRunModels(dir: string, compiled: CompiledGraph): Promise<string[]> {
  const written: string[] = [];
  for (const run of compiled.runs) {
    const model = compiled.runInputs.get(run.id)!.model;
    const artifacts = exportLayersModel(model, run.currentParamList());
    const folder = resolve(folderOf(dir, compiled, run.id));
    const write = async (path: string, data: string | Uint8Array) => {
      try {
        await mkdir(folder, { recursive: true });
        await writeFileAtomic(path, data);
      } catch (error) {
        throw new OutputError('save-model', path, error);
      }
    };
    await write(join(folder, WEIGHTS_FILE), artifacts.weights);
    const json = join(folder, 'model.json');
    await write(json, `${JSON.stringify(artifacts.modelJson, null, 1)}\n`);
    written.push(json);
  }
  return written;
}
