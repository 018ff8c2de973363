/**
 * The desktop app's security rules as plain data and functions (no Electron import, so they
 * are unit-tested in Node): the Content-Security-Policy of every page, the privileged `app://`
 * scheme the pages are served from, which frames may send IPC, and which hosts links may open.
 */

/** The Content-Security-Policy of every app page: only the app's own files, no remote content. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // tfjs's wasm backend compiles WebAssembly; no other dynamic code.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Pages are served from `app://gradient-atlas/…`, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gradient-atlas';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * What the scheme may do (protocol.registerSchemesAsPrivileged): behave like https (a
 * standard, secure origin, so module workers, fetch of the .wasm files and IndexedDB work).
 * It does not bypass the CSP and is not open to other origins' CORS requests.
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  bypassCSP: false,
  corsEnabled: false,
  allowServiceWorkers: false,
  stream: false,
});

export function appPageUrl(page: string): string {
  return new URL(page, `${APP_ORIGIN}/`).toString();
}

/** The docs the app links to; `shell.openExternal` opens nothing else. */
export const EXTERNAL_HOSTS: readonly string[] = Object.freeze([
  'arxiv.org',
  'docs.pytorch.org',
  'pytorch.org',
  'github.com',
]);

/** An https link to one of EXTERNAL_HOSTS, with no credentials and the default port. */
export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOSTS.includes(parsed.hostname)
  );
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** Origins whose top frames are the app's own: app://, and the dev server in development. */
export function trustedOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl) origins.push(new URL(devServerUrl).origin);
  return origins;
}

/**
 * An IPC message is the app's only when it comes from the top frame of one of the app's
 * pages: not an iframe, not a page that navigated elsewhere, not a destroyed frame.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  origins: readonly string[],
): boolean {
  if (!frame || frame.parent !== null) return false;
  let origin: string;
  try {
    origin = new URL(frame.url).origin;
  } catch {
    return false;
  }
  // Non-special schemes report an opaque origin ("null"): rebuild app://host from the URL.
  if (origin === 'null') {
    const url = new URL(frame.url);
    origin = `${url.protocol}//${url.host}`;
  }
  return origins.includes(origin);
}

export class UntrustedSenderError extends Error {
  constructor(channel: string, frame: SenderFrame | null | undefined) {
    const where = frame
      ? frame.parent !== null
        ? `a subframe (${frame.url})`
        : frame.url
      : 'a destroyed frame';
    super(`${channel}: refused a message from ${where}, which is not one of the app's pages`);
    this.name = 'UntrustedSenderError';
  }
}

/** Throws UntrustedSenderError unless the frame is trusted. */
export function assertTrustedSender(
  channel: string,
  frame: SenderFrame | null | undefined,
  origins: readonly string[],
): void {
  if (!isTrustedSender(frame, origins)) throw new UntrustedSenderError(channel, frame);
}
