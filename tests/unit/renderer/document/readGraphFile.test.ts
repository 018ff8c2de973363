import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../../../src-renderer/document/readGraphFile';
import { MAX_GRAPH_FILE_BYTES } from '../../../../src-shared/protocol/bridge';

function fakeFile(name: string, text: string, size = text.length) {
  return { name, size, text: async () => text };
}

describe('readGraphFile', () => {
  it('returns the name and text of a file within the limit', async () => {
    expect(await readGraphFile(fakeFile('g.json', '{}'))).toEqual({
      path: 'g.json',
      name: 'g.json',
      text: '{}',
    });
  });

  it('refuses a file over the limit, naming the file and both sizes', async () => {
    const size = MAX_GRAPH_FILE_BYTES + 1024 * 1024;
    await expect(readGraphFile(fakeFile('huge.json', '', size))).rejects.toThrow(
      'huge.json is 6.0 MB; a graph file may be at most 5 MB',
    );
  });

  it('names a nameless file untitled.json', async () => {
    expect((await readGraphFile(fakeFile('', '{}'))).name).toBe('untitled.json');
  });
});
