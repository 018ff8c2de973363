/**
 * Entry of the headless command line, run by `npm run atlas -- <command>` through tsx
 * (no build step). All logic lives in main.ts and commands/, testable without a process.
 */
import { runCli } from './main';

// A closed pipe (`atlas … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
