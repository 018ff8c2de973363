/**
 * Web mode's engine: a Worker watched over. The worker's `error` and `messageerror` events,
 * or no message at all (not even a heartbeat) for HUNG_AFTER_MS, mean it is dead or hung:
 * it is terminated, the runs it had are reported lost (`stopped: engine crashed`), and a
 * fresh worker takes over — up to a few times a minute, after which the engine is reported
 * unavailable instead of restarting forever. (Electron's compute window does the same in
 * main: computeHost.ts.)
 */
import type { EnginePort } from './engineClient';
import { HEARTBEAT_MS, HUNG_AFTER_MS, isHeartbeat, STARTUP_MS } from './heartbeat';
import { portListeners } from './portListeners';

/** The part of a Worker the supervisor uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(
    type: 'message' | 'messageerror' | 'error',
    listener: (event: Event) => void,
  ): void;
  terminate(): void;
}

export interface SupervisorOptions {
  readonly hungAfterMs?: number;
  /** Silence allowed before a worker's first message: loading tfjs and wasm on a busy machine. */
  readonly startupMs?: number;
  readonly checkEveryMs?: number;
  readonly maxRestarts?: number;
  readonly restartWindowMs?: number;
  readonly now?: () => number;
  readonly every?: (ms: number, tick: () => void) => () => void;
}

export interface SupervisedPort extends EnginePort {
  /** Subscribes to the loss of a worker (its reason); returns an unsubscribe function. */
  onHostLost(listener: (reason: string) => void): () => void;
  /** The test hooks' handle on the live worker (e2e): post to it directly. */
  postToWorker(message: unknown): void;
}

const defaultEvery = (ms: number, tick: () => void) => {
  const id = setInterval(tick, ms);
  return () => clearInterval(id);
};

export function supervisedWorkerPort(
  createWorker: () => WorkerLike,
  options: SupervisorOptions = {},
): SupervisedPort {
  const hungAfter = options.hungAfterMs ?? HUNG_AFTER_MS;
  const startupLimit = Math.max(hungAfter, options.startupMs ?? STARTUP_MS);
  const now = options.now ?? (() => performance.now());
  const maxRestarts = options.maxRestarts ?? 3;
  const restartWindow = options.restartWindowMs ?? 60_000;
  const listeners = portListeners();
  let worker: WorkerLike | null = null;
  let lastSeen = now();
  // A worker is only held to `hungAfter` once it has spoken: until then it may still be
  // loading, and restarting it then would only start the same wait again.
  let heard = false;
  let restarts: number[] = [];
  let closed = false;

  const { deliver } = listeners;

  const start = () => {
    const next = createWorker();
    worker = next;
    lastSeen = now();
    heard = false;
    // Events of a worker already replaced are ignored.
    next.addEventListener('message', (event) => {
      if (worker !== next) return;
      lastSeen = now();
      heard = true;
      const data = (event as MessageEvent).data;
      if (!isHeartbeat(data)) deliver(data);
    });
    next.addEventListener('messageerror', () => {
      if (worker === next) lost('a message from the engine could not be read');
    });
    next.addEventListener('error', (event) => {
      if (worker !== next) return;
      event.preventDefault?.();
      lost((event as ErrorEvent).message || 'the engine worker failed');
    });
  };

  const lost = (reason: string) => {
    worker?.terminate();
    worker = null;
    listeners.hostLost(reason);
    const at = now();
    restarts = [...restarts.filter((t) => at - t < restartWindow), at];
    if (restarts.length > maxRestarts) {
      // Say so where the backend is shown, instead of restarting forever.
      deliver({
        type: 'error',
        command: 'engine',
        problems: [
          {
            path: 'worker',
            message: `the engine stopped ${restarts.length} times in a minute (${reason}); reload the page`,
          },
        ],
      });
      return;
    }
    start();
  };

  const stopWatching = (options.every ?? defaultEvery)(options.checkEveryMs ?? HEARTBEAT_MS, () => {
    const limit = heard ? hungAfter : startupLimit;
    if (!closed && worker && now() - lastSeen > limit) {
      lost(`the engine did not respond for ${Math.round(limit / 1000)} s`);
    }
  });
  start();

  return {
    postMessage(message) {
      worker?.postMessage(message);
    },
    postToWorker(message) {
      worker?.postMessage(message);
    },
    ...listeners.subscribe,
    close() {
      closed = true;
      stopWatching();
      worker?.terminate();
      worker = null;
    },
  };
}
