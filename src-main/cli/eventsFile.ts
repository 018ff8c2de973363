/** `--events FILE`: the NDJSON sink of `run` and `sweep`. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './options';
import { printable } from './printable';

/** The NDJSON file, opened before training; the first write error is kept, not thrown. */
export interface EventsFile {
  readonly stream: WriteStream;
  readonly error: () => unknown;
}

/** Opens the NDJSON file before training, so that a bad path costs nothing. */
export async function openEventsFile(path: string, onError: () => void): Promise<EventsFile> {
  const stream = createWriteStream(resolve(path));
  await new Promise<void>((ready, fail) => {
    stream.once('open', () => ready());
    stream.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new UsageError(
          `--events ${printable(path)}: cannot be written (${error.code ?? error.message})`,
        ),
      ),
    );
  });
  // A write error later (a full disk, /dev/full) stops the runs and fails the command.
  let failure: unknown = null;
  stream.on('error', (error) => {
    if (failure === null) {
      failure = error;
      onError();
    }
  });
  return { stream, error: () => failure };
}
