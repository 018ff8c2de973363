/**
 * Graph files on disk for the desktop host: bounded reads, atomic writes (write a sibling
 * temp file, then rename, so a crash never leaves a half-written graph) and the recent list.
 * Plain Node: unit-tested without Electron.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { MAX_GRAPH_FILE_BYTES, type OpenedFile } from '../../src-shared/protocol/bridge';

export class GraphFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'GraphFileError';
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a graph file',
  ENOTDIR: 'no such file (a folder on its path is a file)',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many symbolic links',
};

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(REASONS, code)) return REASONS[code]!;
  return `cannot be read (${typeof code === 'string' ? code : String(error)})`;
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * A graph file's text, or why it cannot be had, in words (missing, a folder, too large,
 * not UTF-8). The one reader behind the CLI and the desktop Open dialog.
 */
export async function readGraphText(path: string): Promise<{ text: string } | { error: string }> {
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) return { error: 'is a directory, not a graph file' };
    if (!stat.isFile()) return { error: 'is not a regular file' };
    if (stat.size > MAX_GRAPH_FILE_BYTES) {
      return {
        error: `is ${mib(stat.size)}; graph files are limited to ${mib(MAX_GRAPH_FILE_BYTES)}`,
      };
    }
    const bytes = await fs.readFile(path);
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    if (error instanceof TypeError) return { error: 'is not UTF-8 text' };
    return { error: reason(error) };
  }
}

/** Reads a graph file for the Open dialog; throws GraphFileError naming the file. */
export async function readGraphFile(path: string): Promise<OpenedFile> {
  const read = await readGraphText(path);
  if ('error' in read) throw new GraphFileError(path, read.error);
  return { path, name: basename(path), text: read.text };
}

/**
 * Writes `data` to `path` atomically: a temp file in the same folder, fsync, rename, then
 * fsync the folder so the rename itself survives a power cut. On any failure the temp file
 * is removed and the target is left as it was.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** fsync of a folder (POSIX); platforms that cannot open a folder for it (Windows) skip it. */
async function syncFolder(folder: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof fs.open>>;
  try {
    handle = await fs.open(folder, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR' || code === 'EPERM' || code === 'EACCES') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on a folder; the data itself is already synced.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EBADF' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle.close();
  }
}

const RecentSchema = z.array(z.string().min(1).max(4096)).max(50);
const RECENT_LIMIT = 10;

/** The recent-files list, kept as JSON in the app's data folder. */
export class RecentFiles {
  constructor(private readonly file: string) {}

  async list(): Promise<string[]> {
    try {
      const parsed = RecentSchema.safeParse(JSON.parse(await fs.readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data.slice(0, RECENT_LIMIT) : [];
    } catch {
      return []; // a missing or corrupt list is simply empty
    }
  }

  async add(path: string): Promise<string[]> {
    const next = [path, ...(await this.list()).filter((p) => p !== path)].slice(0, RECENT_LIMIT);
    await fs.mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    return next;
  }
}
