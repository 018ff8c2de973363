/**
 * The engine's entry, independent of where it runs: a Web Worker (web mode) or Electron's
 * hidden compute window (given a MessagePort). Picks the backend, then feeds every message
 * to an EngineSession and posts its answers back; commands that arrive while the backend
 * starts are queued, not lost.
 */
import type { BackendName } from '../../src-shared/engine/backend';
import { EngineSession } from '../../src-shared/engine/host/engine-session';
import type { EngineMessage } from '../../src-shared/protocol/engine';
import { testHookOf } from './heartbeat';
import { selectBackend } from './selectBackend';

/** The part of a Worker scope or MessagePort the host needs. */
export interface EngineEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** MessagePorts deliver nothing until started. */
  start?(): void;
}

/** Buffers of a boundary message move instead of being copied. */
function transferables(message: EngineMessage): Transferable[] {
  if (message.type !== 'boundary') return [];
  const arrays = [
    message.probs,
    message.train.x,
    message.train.label,
    message.val.x,
    message.val.label,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

export async function startEngineHost(
  endpoint: EngineEndpoint,
  host: 'worker' | 'electron',
  requested: BackendName | 'auto' = 'auto',
): Promise<EngineSession | null> {
  const queue: unknown[] = [];
  let session: EngineSession | null = null;
  endpoint.addEventListener('message', (event) => {
    // the worker's test hooks (test builds only), not engine commands
    if (__ATLAS_TEST_HOOKS__ && testHookOf(event.data)) return;
    if (session) session.handle(event.data);
    else queue.push(event.data);
  });
  endpoint.start?.();
  const post = (message: EngineMessage) => endpoint.postMessage(message, transferables(message));
  try {
    const backend = await selectBackend(requested);
    session = new EngineSession(post, { backend, host });
  } catch (error) {
    post({
      type: 'error',
      command: 'startup',
      problems: [
        { path: 'backend', message: error instanceof Error ? error.message : String(error) },
      ],
    });
    return null;
  }
  for (const data of queue.splice(0)) session.handle(data);
  return session;
}
