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

/** Reads a graph file's text, refusing what is too large or not UTF-8 text. */
export async function readGraphFile(path: string): Promise<OpenedFile> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new GraphFileError(path, 'is not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof GraphFileError) throw error;
    throw new GraphFileError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size > MAX_GRAPH_FILE_BYTES) {
    throw new GraphFileError(path, `is ${size} bytes; graph files are limited to ${MAX_GRAPH_FILE_BYTES}`);
  }
  const bytes = await fs.readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new GraphFileError(path, 'is not UTF-8 text');
  }
  return { path, name: basename(path), text };
}

/** Writes `data` to `path` atomically: temp file in the same folder, fsync, rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
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
