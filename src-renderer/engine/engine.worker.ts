/**
 * Web mode: the engine in a dedicated Web Worker, so the UI thread never trains. It posts a
 * heartbeat (the UI's supervisor restarts a worker that goes quiet), and an uncaught error
 * while a run goes on ends that run with its message instead of leaving it running. The
 * page's `?backend=` override arrives in the worker's name (`atlas-engine:webgl`).
 */
import { parseBackendOverride } from '../../src-shared/engine/backend';
import type { EngineSession } from '../../src-shared/engine/host/engine-session';
import { type EngineEndpoint, startEngineHost } from './engineHost';
import { HEARTBEAT, HEARTBEAT_MS, TEST_HOOKS_NAME, testHookOf } from './heartbeat';

interface WorkerScope {
  readonly name: string;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

const scope = self as unknown as WorkerScope;
let session: EngineSession | null = null;

setInterval(() => scope.postMessage(HEARTBEAT), HEARTBEAT_MS);

// Before the session exists (startup) an error propagates: the UI sees the worker fail.
scope.addEventListener('error', (event) => {
  if (!session) return;
  event.preventDefault();
  const error = event as ErrorEvent;
  session.failRun(error.error ?? error.message);
});
scope.addEventListener('unhandledrejection', (event) => {
  if (!session) return;
  event.preventDefault();
  session.failRun((event as PromiseRejectionEvent).reason);
});

// Test builds only (the page passes ?testHooks=1): die silently, or throw uncaught.
if (__ATLAS_TEST_HOOKS__ && scope.name.includes(TEST_HOOKS_NAME)) {
  scope.addEventListener('message', (event) => {
    const hook = testHookOf(event.data);
    if (hook === 'exit') scope.close();
    if (hook === 'throw') {
      setTimeout(() => {
        throw new Error('thrown inside the engine by the test hook');
      });
    }
  });
}

const requested = parseBackendOverride(scope.name.split(' ')[0]?.split(':')[1]);
void startEngineHost(scope as EngineEndpoint, 'worker', requested).then((started) => {
  session = started;
});
