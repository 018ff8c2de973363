import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppRequestHandler, resolveAppPath } from '../../../src-main/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security';

function renderer(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-app-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>atlas</title>');
  writeFileSync(join(root, 'assets', 'tfjs.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  writeFileSync(join(root, '..', 'secret.txt'), 'outside');
  return root;
}

describe('app:// protocol', () => {
  it('serves the renderer files with their type and the CSP as a header', async () => {
    const root = renderer();
    const handle = createAppRequestHandler(root);
    const page = await handle(new Request('app://gradient-atlas/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>atlas</title>');
    const root2 = await handle(new Request('app://gradient-atlas/'));
    expect(await root2.text()).toContain('<title>atlas</title>');
    const wasm = await handle(new Request('app://gradient-atlas/assets/tfjs.wasm'));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect([...new Uint8Array(await wasm.arrayBuffer())]).toEqual([0, 0x61, 0x73, 0x6d]);
  });

  it('never serves a file outside the renderer folder, another host, or a write', async () => {
    const root = renderer();
    const handle = createAppRequestHandler(root);
    for (const url of [
      'app://gradient-atlas/../secret.txt',
      'app://gradient-atlas/%2e%2e/secret.txt',
      'app://gradient-atlas/assets/..%2f..%2fsecret.txt',
      'app://gradient-atlas/%00index.html',
      'app://gradient-atlas/%E0%A4%A',
      'app://other-host/index.html',
      'app://gradient-atlas/missing.js',
      'app://gradient-atlas/assets',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside');
    }
    const post = await handle(
      new Request('app://gradient-atlas/index.html', { method: 'POST', body: 'x' }),
    );
    expect(post.status).toBe(405);
  });

  it('resolveAppPath maps URLs to files under the root only', () => {
    expect(resolveAppPath('app://gradient-atlas/a/b.js', '/r')).toBe('/r/a/b.js');
    expect(resolveAppPath('app://gradient-atlas/', '/r')).toBe('/r/index.html');
    expect(resolveAppPath('app://gradient-atlas/..%2F..%2Fetc%2Fpasswd', '/r')).toBeNull();
    expect(resolveAppPath('https://gradient-atlas/index.html', '/r')).toBeNull();
  });
});
