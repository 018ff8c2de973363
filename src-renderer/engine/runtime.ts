/**
 * The one engine connection of the window, made on first use: the client (a Web Worker in web
 * mode), the session's run store, and the run commands bound to the open document.
 */
import { useSyncExternalStore } from 'react';
import type { DocumentStore } from '../../src-shared/editor/document-store';
import { EngineClient, type EnginePort, workerPort } from './engineClient';
import { createRunSession, type RunSession } from './runSession';
import { createRunStore, type RunPhase, type RunStore, type RunStoreState } from './runStore';
import type { SupervisedPort } from './supervisedWorker';

export interface EngineRuntime {
  readonly client: EngineClient;
  readonly runs: RunStore;
  readonly session: RunSession;
}

let runtime: EngineRuntime | null = null;
/** Electron's compute window hands the renderer a port; web mode starts a Worker. */
let portFactory: () => EnginePort = workerPort;

/** Lets a host supply where the engine is (before the first use). */
export function setEnginePortFactory(factory: () => EnginePort): void {
  portFactory = factory;
}

/** Caps every run in this window (?maxSteps=N), for demos on slow machines and tests. */
function maxStepsFromUrl(): number | undefined {
  if (typeof location === 'undefined') return undefined;
  const value = Number(new URLSearchParams(location.search).get('maxSteps'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The session's runs: exists from the start so every view can subscribe at once. */
export const sessionRuns: RunStore = createRunStore();

/**
 * `window.__atlasEngine` (test builds only, armed by ?testHooks=1): end-to-end tests kill the
 * worker or make it throw.
 */
function installEngineTestHook(port: EnginePort): void {
  if (typeof location === 'undefined' || typeof window === 'undefined') return;
  if (new URLSearchParams(location.search).get('testHooks') !== '1') return;
  if (!('postToWorker' in port)) return;
  const worker = port as SupervisedPort;
  (window as { __atlasEngine?: unknown }).__atlasEngine = {
    kill: () => worker.postToWorker({ atlasTestHook: 'exit' }),
    throwInside: () => worker.postToWorker({ atlasTestHook: 'throw' }),
  };
}

export function engineRuntime(documents: DocumentStore): EngineRuntime {
  if (runtime) return runtime;
  const port = portFactory();
  if (__ATLAS_TEST_HOOKS__) installEngineTestHook(port);
  const client = new EngineClient(port);
  const runs = sessionRuns;
  const session = createRunSession(client, runs, documents, { maxSteps: maxStepsFromUrl() });
  runtime = { client, runs, session };
  return runtime;
}

/** The runtime if it exists (made by the run controls on mount). */
export function currentRuntime(): EngineRuntime | null {
  return runtime;
}

export function useRunState(runs: RunStore): RunStoreState {
  return useSyncExternalStore(runs.subscribe, runs.getSnapshot);
}

/** A block's status in the latest launch, for its canvas badge. */
export function useNodePhase(node: string): RunPhase | null {
  return useSyncExternalStore(sessionRuns.subscribe, () => sessionRuns.nodePhase(node));
}
