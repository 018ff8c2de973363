/** A subcommand of `atlas`: testable as a function of its arguments and streams. */
import type { CliIo } from './io';

export interface Command {
  readonly name: string;
  /** Arguments after the command name, e.g. `<graph.json> [--steps N]`. */
  readonly usage: string;
  /** One line for `atlas --help`. */
  readonly summary: string;
  /** More for `atlas <name> --help`, when the usage line is not enough. */
  readonly help?: string;
  /** Runs with the arguments after the command name; resolves to the exit status. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
