/** Where a command writes: the process's streams in the CLI, buffers in tests. */

export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  readonly stdout: TextSink;
  /** Progress bars are drawn only when stderr is a terminal. */
  readonly stderr: TextSink & { readonly isTTY?: boolean };
}

/** Exit statuses of DESIGN.md's command line. */
export const EXIT = Object.freeze({
  ok: 0,
  /** A bug in the tool itself (never bad input). */
  internal: 1,
  /** Bad input: arguments, an unreadable file, an invalid graph. */
  invalid: 2,
  /** `run`: a run diverged (NaN/Inf). */
  diverged: 3,
  /** An output could not be written (disk full, a device error), reported in one line. */
  output: 4,
  /** Interrupted (Ctrl-C, 128 + SIGINT): the runs were stopped, their events written. */
  interrupted: 130,
  /** Terminated (128 + SIGTERM), as interrupted otherwise. */
  terminated: 143,
});
