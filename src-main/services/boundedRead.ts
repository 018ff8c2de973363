/**
 * Reads a text file that a graph names (a CSV dataset) within a byte limit. The limit is
 * checked on the file's size before a byte is read, and again while reading in chunks (a file
 * can grow); anything that is not a regular file (/dev/zero, a pipe, a folder) is refused
 * without reading it. Synchronous because compileGraph's `readText` is.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';

const CHUNK_BYTES = 1024 * 1024;

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function checkRegular(stat: Stats, maxBytes: number): void {
  if (!stat.isFile()) throw new Error(`is ${kindOf(stat)}, not a regular file`);
  if (stat.size > maxBytes) {
    throw new Error(`is ${mib(stat.size)}; files are limited to ${mib(maxBytes)}`);
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'no such file (a folder on its path is a file)',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many symbolic links',
};

/** The file's bytes; throws an Error whose message says what is wrong, in words. */
export function readFileBounded(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    checkRegular(statSync(path), maxBytes);
    // O_NONBLOCK: were the path swapped for a pipe after the check, open must not hang.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && Object.hasOwn(REASONS, code)) throw new Error(REASONS[code]);
    throw error;
  }
  try {
    checkRegular(fstatSync(fd), maxBytes); // the file actually opened, not the name
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new Error(`grew past ${mib(maxBytes)} while being read`);
      chunks.push(read === CHUNK_BYTES ? chunk : chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** The file's UTF-8 text, read as readFileBounded does. */
export function readTextFileBounded(path: string, maxBytes: number): string {
  const bytes = readFileBounded(path, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('is not UTF-8 text');
  }
}
