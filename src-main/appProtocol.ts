/**
 * The `app://gradient-atlas/…` scheme's handler: serves the built renderer's files, and only
 * those, with their content type and the Content-Security-Policy as a header. Plain Node
 * (a fetch-style Request in, a Response out), so it is unit-tested without Electron.
 */
import { promises as fs } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', // required for WebAssembly.instantiateStreaming
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/** The file under `root` an app URL names, or null when it names anything else. */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed escapes
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  // Never outside the renderer's folder, whatever the path's dots and escapes say.
  return file.startsWith(base + sep) ? file : null;
}

function refuse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The handler for protocol.handle(APP_SCHEME, …): GET and HEAD of the renderer's files. */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'read only');
    const file = resolveAppPath(request.url, root);
    if (!file) return refuse(404, 'not an app file');
    let body: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return refuse(404, 'not an app file');
      body = await fs.readFile(file);
    } catch {
      return refuse(404, 'not an app file');
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cross-Origin-Opener-Policy': 'same-origin',
      },
    });
  };
}
