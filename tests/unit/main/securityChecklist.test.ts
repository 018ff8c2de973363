/**
 * The main process held to Electron's security checklist, item by item
 * (https://www.electronjs.org/docs/latest/tutorial/security#checklist-security-recommendations).
 * The Electron binary cannot run in tests, so the thin edge (index.ts, computeHost.ts, the
 * preloads) is read as source, and the rules it delegates to (security.ts, appProtocol.ts,
 * packaging/fuses.ts) are called.
 */
import { readFileSync } from 'node:fs';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { createAppRequestHandler } from '../../../src-main/appProtocol';
import { FUSE_CONFIG } from '../../../src-main/packaging/fuses';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  isAllowedExternal,
  isTrustedSender,
  trustedOrigins,
} from '../../../src-main/security';

const source = (file: string) =>
  readFileSync(`src-main/${file}`, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '') // comments may mention what the code must not do
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/.*$/gm, '');
const main = source('index.ts');
const compute = source('computeHost.ts');
const preload = source('preload.ts');
const computePreload = source('computePreload.ts');
const mainProcess = [main, compute].join('\n');

/** The options object of every `new BrowserWindow({...})` (balanced braces). */
function windowOptions(text: string): string[] {
  const found: string[] = [];
  let at = text.indexOf('new BrowserWindow(');
  while (at >= 0) {
    const start = text.indexOf('{', at);
    let depth = 0;
    let end = start;
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      if (text[end] === '}' && --depth === 0) break;
    }
    found.push(text.slice(start, end + 1));
    at = text.indexOf('new BrowserWindow(', end);
  }
  return found;
}
const windows = windowOptions(mainProcess);

describe('Electron security checklist', () => {
  it('finds both windows (the UI and the hidden compute window)', () => {
    expect(windows).toHaveLength(2);
  });

  it('1. only loads secure content: app:// pages, nothing over http', () => {
    expect(mainProcess).not.toMatch(/['"`]http:\/\//);
    expect(main).toMatch(/win\.loadURL\(appPageUrl\(page\)\)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('2. no Node.js integration in any renderer or its workers', () => {
    for (const options of windows) {
      expect(options).toMatch(/nodeIntegration: false/);
      expect(options).toMatch(/nodeIntegrationInWorker: false/);
    }
    expect(mainProcess).not.toMatch(/nodeIntegration\w*: true/);
  });

  it('3. context isolation in every renderer', () => {
    for (const options of windows) expect(options).toMatch(/contextIsolation: true/);
  });

  it('4. process sandboxing in every renderer', () => {
    for (const options of windows) expect(options).toMatch(/sandbox: true/);
  });

  it('5. permission requests and checks are refused', () => {
    expect(main).toMatch(
      /setPermissionRequestHandler\(\(_wc, _permission, callback\) =>\s*callback\(false\)/,
    );
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });

  it('6. webSecurity is never disabled', () => {
    for (const options of windows) expect(options).toMatch(/webSecurity: true/);
    expect(mainProcess).not.toMatch(/webSecurity: false/);
  });

  it('7. a restrictive Content-Security-Policy, sent with every app:// page', async () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|\*/);
    const handle = createAppRequestHandler('src-renderer');
    const page = await handle(new Request('app://gradient-atlas/index.html'));
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('8. allowRunningInsecureContent is off', () => {
    for (const options of windows) expect(options).toMatch(/allowRunningInsecureContent: false/);
  });

  it('9. no experimental features', () => {
    for (const options of windows) expect(options).toMatch(/experimentalFeatures: false/);
  });

  it('10. enableBlinkFeatures is not used (Auxclick is disabled instead)', () => {
    expect(mainProcess).not.toMatch(/enableBlinkFeatures/);
    for (const options of windows) expect(options).toMatch(/disableBlinkFeatures: 'Auxclick'/);
  });

  it('11. no <webview> (so no allowpopups): the tag is off in every window', () => {
    for (const options of windows) expect(options).toMatch(/webviewTag: false/);
    const renderer = readFileSync('src-renderer/index.html', 'utf8');
    expect(renderer).not.toMatch(/<webview|allowpopups/);
  });

  it('12. a <webview> that anything tries to attach is refused', () => {
    expect(main).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/);
  });

  it('13. navigation is disabled in every web contents', () => {
    expect(main).toMatch(/app\.on\('web-contents-created'/);
    expect(main).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(main).toMatch(/'will-redirect', \(event\) => event\.preventDefault\(\)/);
  });

  it('14. no new windows: every window-open request is denied', () => {
    const handlers = main.match(/setWindowOpenHandler\([\s\S]*?\}\);/g) ?? [];
    expect(handlers).toHaveLength(1);
    expect(handlers[0]).toMatch(/return \{ action: 'deny' \}/);
    expect(handlers[0]).not.toMatch(/action: 'allow'/);
  });

  it('15. shell.openExternal only opens allowlisted https docs', () => {
    const calls = mainProcess.match(/.*openExternal\(.*/g) ?? [];
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/if \(isAllowedExternal\(url\)\) void shell\.openExternal\(url\)/);
    expect(isAllowedExternal('https://arxiv.org/abs/1712.09913')).toBe(true);
    expect(isAllowedExternal('https://evil.example/')).toBe(false);
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
  });

  it('16. a current Electron: the latest 45.x, pinned', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const [major, minor, patch] = String(pkg.devDependencies.electron).split('.').map(Number);
    expect(major).toBe(45);
    expect(minor! * 1000 + patch!).toBeGreaterThanOrEqual(6 * 1000 + 1); // ≥ 45.6.1
  });

  it('17. the sender of every IPC message is validated', () => {
    // One registration point, and it checks the frame before the handler runs.
    expect(main.match(/ipcMain\.handle\(/g)).toHaveLength(1);
    expect(main).not.toMatch(/ipcMain\.(on|once|handleOnce)\(/);
    expect(main).toMatch(
      /ipcMain\.handle\(channel, \(event, payload: unknown\) => \{\s*assertTrustedSender\(channel, event\.senderFrame, origins\);/,
    );
    const origins = trustedOrigins();
    expect(isTrustedSender({ url: 'app://gradient-atlas/index.html', parent: null }, origins)).toBe(
      true,
    );
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, origins)).toBe(false);
    expect(isTrustedSender({ url: 'app://gradient-atlas/index.html', parent: {} }, origins)).toBe(
      false,
    );
  });

  it('18. pages come from the privileged app:// scheme, never file://', () => {
    expect(mainProcess).not.toMatch(/loadFile\(|['"`]file:\/\//);
    expect(main).toMatch(
      /protocol\.registerSchemesAsPrivileged\(\[\{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES \}\]\)/,
    );
    expect(main).toMatch(/protocol\.handle\(APP_SCHEME, createAppRequestHandler\(/);
    expect(APP_SCHEME).toBe('app');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false });
  });

  it('19. fuses are set for packaged builds', () => {
    expect(FUSE_CONFIG[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.fuses).toBe('tsx scripts/flip-fuses.ts');
  });

  it('20. no Electron API is exposed to web content: one typed bridge, fixed channels', () => {
    expect(preload.match(/contextBridge\.exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/contextBridge\.exposeInMainWorld\('atlas', bridge\)/);
    // Every invoke names a fixed channel; ipcRenderer itself never crosses the bridge.
    for (const call of preload.match(/ipcRenderer\.invoke\([^,)]*/g) ?? []) {
      expect(call).toMatch(/ipcRenderer\.invoke\(IpcChannel\.\w+$/);
    }
    expect(preload).not.toMatch(
      /:\s*ipcRenderer\b|ipcRenderer\.send\(|exposeInMainWorld\([^)]*ipcRenderer/,
    );
    expect(computePreload).not.toMatch(/exposeInMainWorld/);
  });
});
