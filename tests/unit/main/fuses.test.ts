import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { FUSE_CONFIG } from '../../../src-main/packaging/fuses';

/** @electron/fuses' marker before the fuse wire in an Electron binary. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31;
const DISABLE = 0x30;

/** A stand-in binary: padding, the sentinel, wire version 1, nine fuses all enabled ('1'). */
function fakeElectron(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'atlas-fuses-')), 'electron');
  const wire = Buffer.from([1, 9, ...Array(9).fill(ENABLE)]);
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0xaa), Buffer.from(SENTINEL), wire]));
  return file;
}

describe('fuses of a packaged build', () => {
  it('sets exactly what the checklist asks, and every fuse explicitly', () => {
    expect(FUSE_CONFIG.strictlyRequireAllFuses).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    const named = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    for (const fuse of named) {
      expect(typeof FUSE_CONFIG[FuseV1Options[fuse as keyof typeof FuseV1Options]], fuse).toBe(
        'boolean',
      );
    }
  });

  it('flips the wire of a binary as configured (what `npm run fuses` does after packaging)', async () => {
    const binary = fakeElectron();
    await flipFuses(binary, FUSE_CONFIG);
    const wire = readFileSync(binary).subarray(4096 + SENTINEL.length + 2);
    const expected = [false, true, false, false, true, true, false, false, true];
    expect([...wire]).toEqual(expected.map((on) => (on ? ENABLE : DISABLE)));
    const read = await getCurrentFuseWire(binary);
    expect(read[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(read[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
  });
});
