import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFileBounded } from '../../../../src-main/services/boundedRead';

const dir = () => mkdtempSync(join(tmpdir(), 'atlas-bounded-'));

describe('readTextFileBounded', () => {
  it('reads a regular file within the limit, across chunk boundaries', () => {
    const file = join(dir(), 'd.csv');
    const text = `a,t\n${'1,0\n'.repeat(700_000)}`; // 2.8 MB: several 1 MiB chunks
    writeFileSync(file, text);
    expect(readTextFileBounded(file, 4 * 1024 * 1024)).toBe(text);
  });

  it('refuses /dev/zero, a folder and a pipe without reading them', () => {
    // An unbounded device: refused by its kind, so this returns at once instead of growing.
    expect(() => readTextFileBounded('/dev/zero', 1024)).toThrow('is a device, not a regular file');
    const d = dir();
    expect(() => readTextFileBounded(d, 1024)).toThrow('is a folder, not a regular file');
    const fifo = join(d, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // Opening a pipe for reading would block until a writer came: it is never opened.
    expect(() => readTextFileBounded(fifo, 1024)).toThrow('is a pipe, not a regular file');
  });

  it('checks the size before reading, and names both sizes', () => {
    const file = join(dir(), 'big.csv');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 0x31));
    expect(() => readTextFileBounded(file, 2 * 1024 * 1024)).toThrow(
      'is 3.0 MiB; files are limited to 2.0 MiB',
    );
  });

  it('says what is wrong in words: missing, too long a name, not UTF-8', () => {
    const d = dir();
    expect(() => readTextFileBounded(join(d, 'nope.csv'), 1024)).toThrow('no such file');
    expect(() => readTextFileBounded(join(d, 'x'.repeat(300)), 1024)).toThrow(
      'the file name is too long',
    );
    const bad = join(d, 'latin1.csv');
    writeFileSync(bad, Buffer.from([0x61, 0x2c, 0xe9, 0x0a]));
    expect(() => readTextFileBounded(bad, 1024)).toThrow('is not UTF-8 text');
  });
});
