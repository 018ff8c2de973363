/**
 * Web mode: one worker of the sweep pool, with its own tfjs backend. Takes trial tasks
 * (validated), runs each with the engine's runTrial, posts the outcome or one error line.
 */
import { parseGraphText } from '../../src-shared/graph';
import { TrialTaskSchema } from '../../src-shared/protocol/sweep';
import { runTrial } from '../../src-shared/sweep/run-trial';
import { selectBackend } from '../engine/selectBackend';

const backend = selectBackend();
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

scope.addEventListener('message', (event) => {
  const { id, task } = event.data as { id: number; task: unknown };
  void (async () => {
    try {
      const parsed = TrialTaskSchema.parse(task);
      const graph = parseGraphText(parsed.graph);
      if (!graph.ok) throw new Error(`invalid graph: ${graph.problems[0]?.message}`);
      const outcome = await runTrial(graph.graph, parsed.trial, {
        backend: await backend,
        stopAfterStep: parsed.stopAfterStep,
      });
      scope.postMessage({ id, outcome });
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
