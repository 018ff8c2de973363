/** `npm run fuses -- <packaged Electron binary or .app>`: sets the fuses of src-main/packaging. */
import { flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { FUSE_CONFIG } from '../src-main/packaging/fuses';

const [target] = process.argv.slice(2);
if (!target) {
  process.stderr.write('usage: npm run fuses -- <path to the packaged Electron binary or .app>\n');
  process.exit(2);
}
await flipFuses(target, FUSE_CONFIG);
process.stdout.write(`${JSON.stringify(await getCurrentFuseWire(target))}\n`);
