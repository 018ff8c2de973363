// `npm run web`: build the renderer for a plain browser and serve it on localhost.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './serveStatic.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'vite.web.config.ts',
    '--logLevel',
    'warn',
  ],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const port = Number(process.env.PORT ?? 5199);
const { url } = await serveStatic(join(root, 'out/web'), port);
console.log(`Gradient Atlas (web mode) is running at ${url}  — press Ctrl+C to stop.`);
