/**
 * The UI side of the engine host protocol: typed commands out (validated before they leave),
 * validated messages in as an RxJS stream, and the same messages coalesced per animation frame
 * for the views. A message that fails validation becomes a readable error message, never a throw.
 */

import { type Observable, Subject, share } from 'rxjs';
import { parseBackendOverride } from '../../src-shared/engine/backend';
import {
  type EngineCommand,
  EngineCommandSchema,
  type EngineMessage,
  parseEngineMessage,
} from '../../src-shared/protocol/engine';
import { bufferPerFrame, type RequestFrame } from './frameBuffer';

/** Where the engine is: a Worker in web mode, a MessagePort to the compute window in Electron. */
export interface EnginePort {
  postMessage(message: unknown): void;
  /** Subscribes to raw incoming data; returns an unsubscribe function. */
  onMessage(listener: (data: unknown) => void): () => void;
  close?(): void;
}

export class EngineClient {
  private readonly incoming = new Subject<EngineMessage>();
  private readonly unsubscribe: () => void;
  /** Every validated message, as it arrives. */
  readonly messages$: Observable<EngineMessage> = this.incoming.asObservable();
  /** The messages of each animation frame, in order. */
  readonly frames$: Observable<EngineMessage[]>;

  constructor(
    private readonly port: EnginePort,
    requestFrame?: RequestFrame,
  ) {
    this.frames$ = bufferPerFrame(this.messages$, requestFrame).pipe(share());
    this.unsubscribe = port.onMessage((data) => this.receive(data));
  }

  /** Feeds raw data as if it came from the engine (the port, and the UI benchmark). */
  receive(data: unknown): void {
    const parsed = parseEngineMessage(data);
    this.incoming.next(
      parsed.ok
        ? parsed.value
        : {
            type: 'error',
            command: 'message',
            problems: [{ path: 'engine', message: parsed.message }],
          },
    );
  }

  send(command: EngineCommand): void {
    const checked = EngineCommandSchema.safeParse(command);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      this.incoming.next({
        type: 'error',
        command: command.type,
        problems: [
          { path: issue?.path.join('.') || 'command', message: issue?.message ?? 'invalid' },
        ],
      });
      return;
    }
    this.port.postMessage(checked.data);
  }

  close(): void {
    this.unsubscribe();
    this.port.close?.();
    this.incoming.complete();
  }
}

/** The engine in a dedicated module Worker (web mode); the page's `?backend=` goes along. */
export function workerPort(): EnginePort {
  const backend = parseBackendOverride(
    new URLSearchParams(globalThis.location?.search).get('backend'),
  );
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: backend === 'auto' ? 'atlas-engine' : `atlas-engine:${backend}`,
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage(listener) {
      const onMessage = (event: MessageEvent) => listener(event.data);
      const onError = (event: ErrorEvent) =>
        listener({
          type: 'error',
          command: 'engine',
          problems: [
            { path: 'worker', message: event.message || 'the engine worker failed to start' },
          ],
        });
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      return () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
    },
    close: () => worker.terminate(),
  };
}

/** A MessagePort handed over by Electron's main process (the compute window's other end). */
export function messagePortAdapter(port: MessagePort): EnginePort {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage(listener) {
      const onMessage = (event: MessageEvent) => listener(event.data);
      port.addEventListener('message', onMessage);
      port.start();
      return () => port.removeEventListener('message', onMessage);
    },
    close: () => port.close(),
  };
}
