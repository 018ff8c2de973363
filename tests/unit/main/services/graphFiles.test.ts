import { promises as fs, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  GraphFileError,
  RecentFiles,
  readGraphFile,
  writeFileAtomic,
} from '../../../../src-main/services/graphFiles';
import { MAX_GRAPH_FILE_BYTES } from '../../../../src-shared/protocol/bridge';

const dir = () => mkdtempSync(join(tmpdir(), 'atlas-files-'));

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file behind', async () => {
    const d = dir();
    const file = join(d, 'graph.json');
    await fs.writeFile(file, 'old');
    await writeFileAtomic(file, '{"new":true}');
    expect(await fs.readFile(file, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(d)).toEqual(['graph.json']);
  });

  afterEach(() => vi.restoreAllMocks());

  it('removes its temp file when the write fails (a full disk), leaving the target as it was', async () => {
    const d = dir();
    const file = join(d, 'graph.json');
    await fs.writeFile(file, 'old');
    const open = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (path, flags) => {
      const handle = await open(path, flags);
      if (String(path).endsWith('.tmp')) {
        handle.writeFile = () =>
          Promise.reject(
            Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
          );
      }
      return handle;
    });
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow('ENOSPC');
    expect(readdirSync(d)).toEqual(['graph.json']);
    expect(await fs.readFile(file, 'utf8')).toBe('old');
  });

  it('removes its temp file when the rename fails (the target is a folder)', async () => {
    const d = dir();
    await fs.mkdir(join(d, 'taken'));
    await fs.writeFile(join(d, 'taken', 'inside'), 'x');
    await expect(writeFileAtomic(join(d, 'taken'), 'new')).rejects.toThrow();
    expect(readdirSync(d)).toEqual(['taken']);
  });

  it('fsyncs the folder after the rename, so the new name survives a power cut', async () => {
    const d = dir();
    const file = join(d, 'graph.json');
    const order: string[] = [];
    const open = fs.open.bind(fs);
    const rename = fs.rename.bind(fs);
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      await rename(from, to);
      order.push('rename');
    });
    vi.spyOn(fs, 'open').mockImplementation(async (path, flags) => {
      const handle = await open(path, flags);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        await sync();
        order.push(path === d ? 'sync folder' : 'sync file');
      };
      return handle;
    });
    await writeFileAtomic(file, 'data');
    expect(order).toEqual(['sync file', 'rename', 'sync folder']);
  });

  it('fails without touching the target when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir(), 'missing', 'g.json'), 'x')).rejects.toThrow();
  });
});

describe('readGraphFile', () => {
  it('returns name and text', async () => {
    const file = join(dir(), 'a.json');
    await fs.writeFile(file, '{}');
    expect(await readGraphFile(file)).toEqual({ path: file, name: 'a.json', text: '{}' });
  });

  it('refuses a missing file, a folder, an oversized file and non-UTF-8 bytes with the path', async () => {
    const d = dir();
    await expect(readGraphFile(join(d, 'nope.json'))).rejects.toThrow(/nope\.json: no such file/);
    await expect(readGraphFile(d)).rejects.toThrow(GraphFileError);
    const big = join(d, 'big.json');
    await fs.writeFile(big, Buffer.alloc(MAX_GRAPH_FILE_BYTES + 1, 32));
    await expect(readGraphFile(big)).rejects.toThrow(/graph files are limited to/);
    const binary = join(d, 'bin.json');
    await fs.writeFile(binary, Buffer.from([0xff, 0xfe, 0x00]));
    await expect(readGraphFile(binary)).rejects.toThrow(/is not UTF-8 text/);
  });
});

describe('RecentFiles', () => {
  it('keeps the newest first, without duplicates, at most ten', async () => {
    const recent = new RecentFiles(join(dir(), 'sub', 'recent.json'));
    expect(await recent.list()).toEqual([]);
    for (let i = 0; i < 12; i++) await recent.add(`/g${i}.json`);
    await recent.add('/g5.json');
    const list = await recent.list();
    expect(list[0]).toBe('/g5.json');
    expect(list).toHaveLength(10);
    expect(new Set(list).size).toBe(10);
  });

  it('treats a corrupt list as empty', async () => {
    const file = join(dir(), 'recent.json');
    await fs.writeFile(file, '{not json');
    expect(await new RecentFiles(file).list()).toEqual([]);
  });
});
