/**
 * The layer rules in biome.json fire: probe files laid out like the repository are linted
 * with the real configuration, and each forbidden import or global is reported.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const biome = join(root, 'node_modules/.bin/biome');

const probes: Record<string, string> = {
  'src-shared/graph/importsRenderer.ts':
    "import { App } from '../../src-renderer/app/App';\nexport const a = App;\n",
  'src-shared/importsMain.ts': "import { x } from '../src-main/index';\nexport const a = x;\n",
  'src-shared/importsNode.ts':
    "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
  'src-shared/importsElectron.ts': "import { app } from 'electron';\nexport const a = app;\n",
  'src-shared/importsReact.ts': "import { useState } from 'react';\nexport const a = useState;\n",
  'src-shared/usesDom.ts': 'export const a = document.title;\n',
  'src-shared/usesNodeGlobal.ts': 'export const a = process.env.HOME;\n',
  'src-renderer/importsMain.ts': "import { x } from '../src-main/index';\nexport const a = x;\n",
  'src-renderer/importsElectron.ts':
    "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
  'src-main/importsRenderer.ts': "import { x } from '../src-renderer/main';\nexport const a = x;\n",
  // Allowed: both sides import src-shared; src-shared imports its own libraries.
  'src-renderer/importsShared.ts':
    "import { x } from '../src-shared/graph';\nexport const a = x;\n",
  'src-main/importsShared.ts': "import { x } from '../src-shared/graph';\nexport const a = x;\n",
  'src-shared/importsZod.ts': "import { z } from 'zod';\nexport const a = z;\n",
};

interface Diagnostic {
  category: string;
  location: { path: string };
}

let dir = '';
let reported: Diagnostic[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-layers-'));
  copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
  for (const [path, text] of Object.entries(probes)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(biome, ['lint', '--vcs-enabled=false', '--reporter=json', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  reported = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rulesFor(path: string): string[] {
  return reported
    .filter((d) => d.location.path === path)
    .map((d) => d.category.replace('lint/style/', ''))
    .sort();
}

describe('layer boundaries (biome.json overrides)', () => {
  it.each([
    'src-shared/graph/importsRenderer.ts',
    'src-shared/importsMain.ts',
    'src-shared/importsNode.ts',
    'src-shared/importsElectron.ts',
    'src-shared/importsReact.ts',
    'src-renderer/importsMain.ts',
    'src-renderer/importsElectron.ts',
    'src-main/importsRenderer.ts',
  ])('%s is refused', (path) => {
    expect(rulesFor(path)).toEqual(['noRestrictedImports']);
  });

  it.each(['src-shared/usesDom.ts', 'src-shared/usesNodeGlobal.ts'])(
    '%s: a DOM or Node global in src-shared is refused',
    (path) => {
      expect(rulesFor(path)).toEqual(['noRestrictedGlobals']);
    },
  );

  it.each([
    'src-renderer/importsShared.ts',
    'src-main/importsShared.ts',
    'src-shared/importsZod.ts',
  ])('%s is allowed', (path) => {
    expect(rulesFor(path)).toEqual([]);
  });
});
