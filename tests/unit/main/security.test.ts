import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  appPageUrl,
  assertTrustedSender,
  CONTENT_SECURITY_POLICY,
  isAllowedExternal,
  isTrustedSender,
  trustedOrigins,
} from '../../../src-main/security';

/** app:// sends the policy as a header; the dev server and web mode rely on the <meta>. */
describe('Content-Security-Policy', () => {
  it.each(['index.html', 'compute.html'])('%s carries the same policy main sends', (page) => {
    const html = readFileSync(`src-renderer/${page}`, 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no remote content and no dynamic code beyond WebAssembly', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|'unsafe-eval'|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('IPC sender check', () => {
  const origins = trustedOrigins();
  const top = (url: string) => ({ url, parent: null });

  it("accepts only the top frame of the app's own pages", () => {
    expect(isTrustedSender(top(appPageUrl('index.html')), origins)).toBe(true);
    expect(isTrustedSender(top('app://gradient-atlas/'), origins)).toBe(true);
    // An iframe inside the app page, even of the app's origin.
    expect(isTrustedSender({ url: appPageUrl('index.html'), parent: {} }, origins)).toBe(false);
    // Pages that are not the app's: another app:// host, a remote page, file://, nothing.
    for (const url of [
      'app://evil/index.html',
      'https://example.com/',
      'file:///tmp/index.html',
      'http://localhost:5173/index.html',
      'not a url',
    ]) {
      expect(isTrustedSender(top(url), origins), url).toBe(false);
    }
    expect(isTrustedSender(null, origins)).toBe(false); // a destroyed frame
  });

  it('trusts the dev server only when main runs from it', () => {
    const dev = trustedOrigins('http://localhost:5173/');
    expect(dev).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(isTrustedSender(top('http://localhost:5173/index.html'), dev)).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/index.html'), dev)).toBe(false);
  });

  it('refuses with a message naming the channel and the sender', () => {
    expect(() =>
      assertTrustedSender('saveGraph', { url: 'https://evil.example/', parent: null }, origins),
    ).toThrow(
      "saveGraph: refused a message from https://evil.example/, which is not one of the app's pages",
    );
    expect(() => assertTrustedSender('openGraph', null, origins)).toThrow('a destroyed frame');
  });
});

describe('openExternal allowlist', () => {
  it('opens https links to the docs the app links to, nothing else', () => {
    for (const url of [
      'https://arxiv.org/abs/1712.09913',
      'https://docs.pytorch.org/docs/stable/optim.html',
      'https://github.com/cazala/mnist',
    ]) {
      expect(isAllowedExternal(url), url).toBe(true);
    }
    for (const url of [
      'http://arxiv.org/abs/1712.09913', // not https
      'https://evil.example/',
      'https://arxiv.org.evil.example/',
      'https://user:pw@github.com/',
      'https://github.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });
});
