import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security';

/** Packaged pages load from file://, where only the <meta> policy may apply: keep them equal. */
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
