/**
 * Vitest globalSetup for the e2e tests: serves the built web mode (out/web) on a free localhost
 * port and hands its URL to the tests through `provide('baseUrl')`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const WEB_ROOT = resolve(import.meta.dirname, '../../../out/web');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Maps a URL path to a file under the web root, or null when it would escape the root. */
function fileFor(urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = join(WEB_ROOT, relative === '' ? 'index.html' : relative);
  return full === WEB_ROOT || full.startsWith(WEB_ROOT + sep) ? full : null;
}

function startServer(): Promise<Server> {
  const server = createServer(async (request, response) => {
    const file = fileFor(request.url ?? '/');
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`not found: ${request.url}`);
      return;
    }
    response.writeHead(200, {
      'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const index = await stat(join(WEB_ROOT, 'index.html')).catch(() => null);
  if (!index) {
    throw new Error(`out/web/index.html is missing: run "npm run build:web" before the e2e tests`);
  }
  const server = await startServer();
  const { port } = server.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return () => new Promise<void>((done) => server.close(() => done()));
}
