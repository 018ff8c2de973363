/**
 * Output paths of the commands (`--out`, `--events`, `--save-model`), checked before any
 * training so that a bad path costs nothing: the name must be legal, the path must not be a
 * folder, and the file (or, for a new file, its folder) must be writable. Messages name the
 * flag and the path, in words.
 */
import { promises as fs, constants as fsConstants } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from './options';
import { printable } from './printable';

/** Longest file name (bytes) on the common file systems (ext4, APFS, NTFS in UTF-16 units). */
export const MAX_NAME_BYTES = 255;
/** Longest path Linux accepts (PATH_MAX). */
export const MAX_PATH_BYTES = 4096;

const codeOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException | null)?.code ?? String(error);

/**
 * Throws UsageError unless `path` can be written by this process. `atomic` outputs are
 * written beside the target and renamed over it, so their folder must be writable even when
 * the file exists; streamed outputs (NDJSON events) may also be a device such as /dev/null.
 */
export async function checkOutputPath(
  flag: string,
  path: string,
  options: { atomic: boolean },
): Promise<void> {
  const fail = (why: string): never => {
    throw new UsageError(`--${flag} ${printable(path)}: ${why}`);
  };
  const target = resolve(path);
  const name = basename(target);
  const nameBytes = Buffer.byteLength(name);
  if (path === '' || name === '') fail('needs a file name');
  if (nameBytes > MAX_NAME_BYTES) {
    fail(`the file name is too long (${nameBytes} bytes; at most ${MAX_NAME_BYTES})`);
  }
  if (Buffer.byteLength(target) > MAX_PATH_BYTES) {
    fail(`the path is too long (at most ${MAX_PATH_BYTES} bytes)`);
  }
  if (path.includes('\0')) fail('the name holds a NUL character');

  let existing: Awaited<ReturnType<typeof fs.stat>> | null = null;
  try {
    existing = await fs.stat(target);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOTDIR') fail('a folder on its path is a file');
    if (code === 'ENAMETOOLONG') fail('the path is too long');
    if (code !== 'ENOENT') fail(`cannot be checked (${code})`);
  }
  if (existing?.isDirectory()) fail('is a folder; name a file inside it');
  if (existing && !existing.isFile() && options.atomic) {
    fail('is not a regular file (a device or pipe cannot be replaced)');
  }
  if (existing) {
    try {
      await fs.access(target, fsConstants.W_OK);
    } catch (error) {
      fail(`cannot be written (${codeOf(error)})`);
    }
    if (!existing.isFile()) return; // a device: written in place, its folder does not matter
  }
  if (existing && !options.atomic) return;

  const folder = dirname(target);
  try {
    const stat = await fs.stat(folder);
    if (!stat.isDirectory()) fail(`${printable(folder)} is not a folder`);
    await fs.access(folder, fsConstants.W_OK | fsConstants.X_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = codeOf(error);
    fail(
      code === 'ENOENT'
        ? `no such folder ${printable(folder)}`
        : `cannot write in ${printable(folder)} (${code})`,
    );
  }
}

/** An error writing an output after it was opened: one line, a non-zero exit. */
export class OutputError extends Error {
  constructor(flag: string, path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | null)?.code;
    const detail = code ?? (cause instanceof Error ? cause.message : String(cause));
    super(`--${flag} ${printable(path)}: write failed (${detail})`);
    this.name = 'OutputError';
  }
}
