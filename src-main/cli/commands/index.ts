/** The command table: `atlas <name> …` dispatches here, `atlas --help` lists it in order. */
import type { Command } from '../command';
import { landscapeCommand } from './landscape';
import { runCommand } from './run';
import { sweepCommand } from './sweep';
import { validateCommand } from './validate';
import { workerCommand } from './worker';

export const commands: readonly Command[] = [
  validateCommand,
  runCommand,
  landscapeCommand,
  sweepCommand,
  workerCommand,
];
