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
import { TEST_HOOKS_NAME } from './heartbeat';
import { type SupervisedPort, supervisedWorkerPort } from './supervisedWorker';

/** Where the engine is: a Worker in web mode, a MessagePort to the compute window in Electron. */
export interface EnginePort {
  postMessage(message: unknown): void;
  /** Subscribes to raw incoming data; returns an unsubscribe function. */
  onMessage(listener: (data: unknown) => void): () => void;
  /** The engine's host died and a fresh one takes over (its runs are gone). */
  onHostLost?(listener: (reason: string) => void): () => void;
  close?(): void;
}

export class EngineClient {
  private readonly incoming = new Subject<EngineMessage>();
  private readonly lost = new Subject<string>();
  private readonly unsubscribe: () => void;
  private readonly unsubscribeLost: () => void;
  /** Each loss of the engine's host, with its reason; a fresh engine is already starting. */
  readonly hostLost$: Observable<string> = this.lost.asObservable();
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
    this.unsubscribeLost = port.onHostLost?.((reason) => this.lost.next(reason)) ?? (() => {});
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
    this.unsubscribeLost();
    this.port.close?.();
    this.incoming.complete();
    this.lost.complete();
  }
}

/**
 * The engine in a dedicated module Worker (web mode), supervised: restarted when it dies or
 * hangs. In test builds `?testHooks=1` arms the worker's test hooks (e2e); `?engineHungMs=N` shortens the
 * time without a heartbeat after which it counts as hung; `?backend=` goes along in its name.
 */
export function workerPort(): SupervisedPort {
  const query = typeof location === 'undefined' ? null : new URLSearchParams(location.search);
  const hooks = __ATLAS_TEST_HOOKS__ && query?.get('testHooks') === '1';
  const hungAfterMs = Number(query?.get('engineHungMs'));
  const backend = parseBackendOverride(query?.get('backend'));
  const name = backend === 'auto' ? 'atlas-engine' : `atlas-engine:${backend}`;
  return supervisedWorkerPort(
    () =>
      new Worker(new URL('./engine.worker.ts', import.meta.url), {
        type: 'module',
        name: hooks ? `${name} ${TEST_HOOKS_NAME}` : name,
      }),
    Number.isInteger(hungAfterMs) && hungAfterMs >= 1000 ? { hungAfterMs } : {},
  );
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
