/** The `atlas` dispatcher: picks a command from the table, prints help, never a stack trace. */
import type { Command } from './command';
import { commands as defaultCommands } from './commands/index';
import { type CliIo, EXIT } from './io';
import { printable, printableLines } from './printable';

const HELP_FLAGS = new Set(['--help', '-h', 'help']);

export function helpText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = [
    'Gradient Atlas command line: npm run atlas -- <command> [arguments]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Usage:',
    ...commands.map((command) => `  atlas ${command.name} ${command.usage}`),
    '',
    'Exit status: 0 success, 2 bad input (arguments, file, graph), 3 a run diverged,',
    '  4 an output could not be written, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).',
  ];
  return `${lines.join('\n')}\n`;
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = defaultCommands,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr.write(helpText(commands));
    return EXIT.invalid;
  }
  if (HELP_FLAGS.has(name)) {
    io.stdout.write(helpText(commands));
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(
      `atlas: unknown command ${printable(JSON.stringify(name))}; run atlas --help\n`,
    );
    return EXIT.invalid;
  }
  const [only] = args;
  if (args.length === 1 && only !== undefined && HELP_FLAGS.has(only) && only !== 'help') {
    io.stdout.write(
      `usage: atlas ${command.name} ${command.usage}\n${command.summary}\n${command.help ?? ''}`,
    );
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // A bug, not bad input: say so in one line rather than dumping a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`atlas ${command.name}: internal error: ${printableLines(message)}\n`);
    return EXIT.internal;
  }
}
