// Worker-thread entry of the local pool. Node 20 worker threads do not inherit tsx's
// loader, so this plain module loads the TypeScript handler through tsx's API.
import { tsImport } from 'tsx/esm/api';

const handler = tsImport('./taskWorker.ts', import.meta.url);

export default async function handle(message) {
  const module = await handler;
  return module.default(message);
}
