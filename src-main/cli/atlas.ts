/**
 * Entry of the headless command line, run by `npm run atlas -- <command>` through tsx
 * (no build step). All logic lives in main.ts and commands/, testable without a process.
 */
import { EXIT } from './io';
import { runCli } from './main';

// A closed pipe (`atlas … | head`) ends the command quietly; any other stream error in one
// line, never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      try {
        process.stderr.write(`atlas: cannot write output (${error.code ?? error.message})\n`);
      } catch {
        // stderr itself is gone
      }
    }
    process.exit(error.code === 'EPIPE' ? EXIT.ok : EXIT.output);
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
