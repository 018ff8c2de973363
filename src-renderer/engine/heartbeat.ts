/**
 * The engine worker's heartbeat: a transport-level message (not part of the engine protocol)
 * the worker posts every HEARTBEAT_MS, so the UI can tell a hung or dead worker from a busy
 * one. The supervisor swallows it before the engine client sees anything.
 */
export const HEARTBEAT_MS = 1000;
/** No message at all for this long means the worker is dead or hung. */
export const HUNG_AFTER_MS = 20_000;
/** Before its first message, a worker gets this long to load (tfjs, wasm) on a busy machine. */
export const STARTUP_MS = 60_000;

export const HEARTBEAT = Object.freeze({ atlasHeartbeat: 1 });

export function isHeartbeat(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { atlasHeartbeat?: unknown }).atlasHeartbeat === 1
  );
}

/** Test-only commands the engine worker obeys when started with TEST_HOOKS_NAME in its name. */
export const TEST_HOOKS_NAME = 'test-hooks';
export type EngineTestHook = 'throw' | 'exit';

export function testHookOf(data: unknown): EngineTestHook | null {
  const hook = (data as { atlasTestHook?: unknown } | null)?.atlasTestHook;
  return hook === 'throw' || hook === 'exit' ? hook : null;
}
