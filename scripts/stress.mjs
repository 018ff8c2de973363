// `npm run test:stress`: the whole suite (`npm test`: typecheck, lint, unit, e2e) with two
// CPU-burning processes beside it, to show the tests do not depend on the machine's speed.
// The burners are ended whatever happens (pass, fail, Ctrl+C), and end by themselves if this
// script dies first. Prints the suite's own counts and the duration at the end.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BURNERS = 2;
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--burn') {
  // Spin in 50 ms slices; between them, end if the parent is gone (we were re-parented).
  const parent = Number(process.argv[3]);
  const spin = () => {
    if (process.ppid !== parent) process.exit(0);
    const end = performance.now() + 50;
    while (performance.now() < end) {
      // burn
    }
    setImmediate(spin);
  };
  spin();
} else {
  const burners = Array.from({ length: BURNERS }, () =>
    spawn(process.execPath, [self, '--burn', String(process.pid)], { stdio: 'ignore' }),
  );
  const stopBurners = () => {
    for (const b of burners) if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
  };
  process.on('exit', stopBurners);
  let suite = null;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopBurners();
      suite?.kill(signal);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }

  console.log(
    `test:stress: npm test with ${BURNERS} CPU burners (pids ${burners.map((b) => b.pid).join(', ')})`,
  );
  const started = performance.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  suite = spawn(npm, ['test'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  suite.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output += chunk;
  });
  suite.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    output += chunk;
  });
  const code = await new Promise((resolve) => {
    suite.on('error', (error) => {
      console.error(`test:stress: could not run npm test: ${error.message}`);
      resolve(1);
    });
    suite.on('close', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });
  stopBurners();
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the reporters' colours
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const counts = plain
    .split('\n')
    .filter((line) => /^\s*(Test Files|Tests)\s/.test(line))
    .map((line) => line.trim());
  console.log(`\ntest:stress: ${code === 0 ? 'PASSED' : `FAILED (exit ${code})`} in ${seconds} s`);
  for (const line of counts) console.log(`  ${line}`);
  process.exitCode = code;
}
