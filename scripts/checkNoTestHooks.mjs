// `npm run check:hooks`: the app's bundles (`npm run build` → out/) carry none of the e2e test
// hooks, which only test builds compile in (src-renderer/testHooks.d.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MARKERS = ['__atlas', 'atlasTestHook', 'thrown inside the engine by the test hook'];
const roots = ['out/renderer', 'out/main', 'out/preload'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(c|m)?js$|\.html$/.test(name)) yield path;
  }
}

const found = [];
let scanned = 0;
for (const root of roots) {
  for (const path of files(root)) {
    scanned++;
    const text = readFileSync(path, 'utf8');
    for (const marker of MARKERS) if (text.includes(marker)) found.push(`${path}: ${marker}`);
  }
}
if (scanned === 0) {
  console.error('no bundles under out/: run "npm run build" first');
  process.exit(1);
}
if (found.length > 0) {
  console.error(`test hooks in the production build:\n  ${found.join('\n  ')}`);
  process.exit(1);
}
console.log(`no test hooks in ${scanned} production bundle files (${MARKERS.join(', ')})`);
