/**
 * The one way tests wait: poll observable state until a predicate holds. Between polls it
 * only yields (a macrotask turn, or whatever `pace` awaits, e.g. the page's next animation
 * frame), so a passing test never depends on how fast the machine is. The limit only turns a
 * hang into a readable failure that names what was awaited and the last value seen.
 */
export interface UntilOptions {
  /** Fail after this long, with a message (default 90 s, under vitest's test timeouts). */
  readonly limitMs?: number;
  /** Awaited between polls (default: one macrotask turn). */
  readonly pace?: () => Promise<unknown>;
}

/** One macrotask turn: lets timers, I/O and other tasks run, without any fixed delay. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const DEFAULT_LIMIT_MS = 90_000;

export async function until<T>(
  what: string,
  read: () => T | Promise<T>,
  ok: (value: T) => boolean = Boolean,
  options: UntilOptions | number = {},
): Promise<T> {
  const { limitMs = DEFAULT_LIMIT_MS, pace = nextTurn } =
    typeof options === 'number' ? { limitMs: options } : options;
  const started = performance.now();
  let value = await read();
  while (!ok(value)) {
    if (performance.now() - started > limitMs) {
      const seen = JSON.stringify(value)?.slice(0, 400);
      throw new Error(`timed out after ${limitMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await pace();
    value = await read();
  }
  return value;
}

/** A predicate for until: the value equals `expected` (===). */
export const is =
  (expected: unknown) =>
  (value: unknown): boolean =>
    value === expected;
