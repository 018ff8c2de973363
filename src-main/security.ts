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
