// `npm start`: build and launch the Electron app. Where the Electron binary cannot be
// obtained (no download allowed, unsupported platform), say so once and start web mode.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function electronBinary() {
  // Resolving the package triggers Electron's one-time binary download in a child process,
  // so a failure here cannot take this script down with it.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  return probe.status === 0 && probe.stdout ? probe.stdout.trim() : null;
}

const electron = electronBinary();
if (!electron) {
  console.log(
    'The Electron binary could not be obtained on this machine, so Gradient Atlas starts in web mode instead.',
  );
  await import('./web.mjs');
} else {
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const app = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}
