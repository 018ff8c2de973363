import { MAX_GRAPH_FILE_BYTES, type OpenedFile } from '../../src-shared/protocol/bridge';

/** The part of a DOM File that reading needs (so tests can pass a plain object). */
export type ReadableFile = Pick<File, 'name' | 'size' | 'text'>;

/** Reads a graph file the user picked or dropped, refusing one too big to be a graph. */
export async function readGraphFile(file: ReadableFile): Promise<OpenedFile> {
  const name = file.name || 'untitled.json';
  if (file.size > MAX_GRAPH_FILE_BYTES) {
    const megabytes = (file.size / (1024 * 1024)).toFixed(1);
    const limit = MAX_GRAPH_FILE_BYTES / (1024 * 1024);
    throw new Error(`${name} is ${megabytes} MB; a graph file may be at most ${limit} MB`);
  }
  return { path: name, name, text: await file.text() };
}
