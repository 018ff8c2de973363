/**
 * "Export model" of a run: asks the engine for the run's model in the TensorFlow.js Layers
 * format and saves model.json and weights.bin (in web mode: two downloads under those names,
 * which model.json's manifest expects side by side).
 */
import { filter, firstValueFrom, map, type Observable, take } from 'rxjs';
import { WEIGHTS_FILE } from '../../src-shared/engine/models/io/layers-export';
import type { EngineMessage, ModelExportMessage } from '../../src-shared/protocol/engine';
import { bridge } from '../bridge';

export interface ModelExportChannel {
  readonly messages$: Observable<EngineMessage>;
  send(command: { type: 'exportModel'; run: string }): void;
}

/** The engine's answer: the files, or why it cannot export. */
export async function requestModelExport(
  client: ModelExportChannel,
  runId: string,
): Promise<ModelExportMessage | { error: string }> {
  const answer = firstValueFrom(
    client.messages$.pipe(
      filter(
        (m) =>
          (m.type === 'modelExport' && m.run === runId) ||
          (m.type === 'error' && m.command === 'exportModel'),
      ),
      take(1),
      map((m) =>
        m.type === 'modelExport'
          ? m
          : { error: m.type === 'error' ? (m.problems[0]?.message ?? 'cannot export') : '' },
      ),
    ),
  );
  client.send({ type: 'exportModel', run: runId });
  return answer;
}

/** Saves the run's model; returns a line for the dashboard's status. */
export async function exportRunModel(client: ModelExportChannel, runId: string, name: string) {
  const answer = await requestModelExport(client, runId);
  if ('error' in answer) return `Could not export ${name}: ${answer.error}`;
  const json = await bridge.exportFile({
    suggestedName: 'model.json',
    mimeType: 'application/json',
    data: new TextEncoder().encode(answer.modelJson),
  });
  if (!json) return null;
  const weights = await bridge.exportFile({
    suggestedName: WEIGHTS_FILE,
    mimeType: 'application/octet-stream',
    data: new Uint8Array(answer.weights),
  });
  if (!weights) return null;
  return `Exported ${name}'s model at step ${answer.step}: ${json} and ${weights} (keep them side by side)`;
}
