/**
 * Ctrl-C and SIGTERM while a command works: the first one asks the work to stop (runs end as
 * `stopped`, their events and outputs are written, temp files removed), and the command then
 * exits with the shell's code for that signal, 128 + its number. A second one is not caught,
 * so it ends the process at once.
 */
export const SIGNAL_EXIT = Object.freeze({ SIGINT: 130, SIGTERM: 143 });
export type StopSignal = keyof typeof SIGNAL_EXIT;

export interface Interrupts {
  /** The signal received so far, if any. */
  readonly signal: StopSignal | null;
  /** Stops listening (call once the work is over). */
  dispose(): void;
}

/** Calls `stop` on the first SIGINT or SIGTERM until disposed. */
export function listenForInterrupts(stop: (signal: StopSignal) => void): Interrupts {
  let received: StopSignal | null = null;
  const handlers = (Object.keys(SIGNAL_EXIT) as StopSignal[]).map((signal) => {
    const handler = () => {
      received ??= signal;
      stop(signal);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return {
    get signal() {
      return received;
    },
    dispose() {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}

/** The work was interrupted by a signal; the command exits with SIGNAL_EXIT[signal]. */
export class Interrupted extends Error {
  constructor(readonly signal: StopSignal) {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
  }
}
