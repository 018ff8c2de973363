// Entry of the local pool's worker processes. They start without tsx's loader, so this
// plain module loads the TypeScript handler through tsx's API.
import { tsImport } from 'tsx/esm/api';

// The pool's process is gone (killed, or crashed): nobody will read the result, so stop
// rather than finish the task as an orphan.
process.on('disconnect', () => process.exit(0));

const handler = tsImport('./taskWorker.ts', import.meta.url);

export default async function handle(message) {
  const module = await handler;
  return module.default(message);
}
