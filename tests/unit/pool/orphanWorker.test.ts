/**
 * A pool's worker process ends with the process that hosts the pool: SIGKILLed in the middle
 * of a long trial (as a crashed `atlas sweep` or `atlas worker` would be), the host leaves no
 * orphan computing the rest of the trial for nobody. Linux only (reads /proc).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { until } from '../../support/until';

/** The processes `pid` started, from Linux's /proc. */
const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);

/** Running: it exists and is not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

describe.skipIf(process.platform !== 'linux')('the local pool', () => {
  it('a worker process ends with its host, even mid-trial', async () => {
    const host = spawn(process.execPath, ['--import', 'tsx', 'tests/support/pool-host.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      host.once('exit', (code) => reject(new Error(`the pool host ended early (${code})`)));
      host.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('running')) resolve();
      });
    });
    const workers = childrenOf(host.pid!);
    expect(workers).toHaveLength(1);
    expect(running(workers[0]!)).toBe(true);
    host.kill('SIGKILL');
    // Without its exit on 'disconnect', the worker would go on for the trial's million steps
    // (hours), and this would fail at until's limit.
    await until(
      'the pool worker to end after its host was killed',
      () => workers.filter(running),
      (left) => left.length === 0,
    );
  }, 120_000);
});
