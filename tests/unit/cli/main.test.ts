/** The `atlas` dispatcher: help, unknown commands, placeholders, no stack traces. */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src-main/cli/command';
import { commands } from '../../../src-main/cli/commands/index';
import { runCli } from '../../../src-main/cli/main';
import { memoryIo } from './memoryIo';

describe('atlas', () => {
  it('--help lists every command with its usage, exit 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const io = memoryIo();
      expect(await runCli([flag], io)).toBe(0);
      expect(io.err()).toBe('');
      for (const name of ['validate', 'run', 'landscape']) {
        expect(io.out()).toContain(`\n  ${name} `);
        expect(io.out()).toContain(`\n  atlas ${name} <graph.json>`);
      }
    }
  });

  it('no command: help on stderr, exit 2', async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.err()).toContain('Commands:');
    expect(io.out()).toBe('');
  });

  it('an unknown command, exit 2', async () => {
    const io = memoryIo();
    expect(await runCli(['trian'], io)).toBe(2);
    expect(io.err()).toBe('atlas: unknown command "trian"; run atlas --help\n');
  });

  it('<command> --help prints its usage', async () => {
    const io = memoryIo();
    expect(await runCli(['validate', '--help'], io)).toBe(0);
    expect(io.out().split('\n')[0]).toBe('usage: atlas validate <graph.json>');
  });

  it('lists validate, run and landscape; run and landscape refuse a missing file with exit 2', async () => {
    expect(commands.map((c) => c.name)).toEqual([
      'validate',
      'run',
      'landscape',
      'sweep',
      'worker',
    ]);
    for (const args of [
      ['run', 'x.json'],
      ['landscape', 'x.json', '--out', 'o.json'],
    ]) {
      const io = memoryIo();
      expect(await runCli(args, io)).toBe(2);
      expect(io.err()).toBe('x.json: no such file\n');
    }
  });

  it('a command that fails unexpectedly gives one line and exit 1, not a stack trace', async () => {
    const broken: Command = {
      name: 'boom',
      usage: '',
      summary: 'fails',
      run: async () => {
        throw new Error('kaput');
      },
    };
    const io = memoryIo();
    expect(await runCli(['boom'], io, [broken])).toBe(1);
    expect(io.err()).toBe('atlas boom: internal error: kaput\n');
  });
});
