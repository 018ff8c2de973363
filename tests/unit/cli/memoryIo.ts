/** Captures what a command writes, for assertions. */
import type { CliIo } from '../../../src-main/cli/io';

export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

export function memoryIo(): MemoryIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}
