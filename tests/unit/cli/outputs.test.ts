/**
 * Output paths and write errors of the commands: checked before training, reported in one
 * line with a non-zero exit; signals end a command with 128 + the signal's number; names from
 * files reach the terminal without control characters.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { checkOutputPath } from '../../../src-main/cli/outputs';
import { printable, printableLines } from '../../../src-main/cli/printable';
import { memoryIo } from './memoryIo';

const ROOT = resolve(import.meta.dirname, '../../..');
const SADDLE = 'resources/examples/saddle-escape.json';
const dir = () => mkdtempSync(join(tmpdir(), 'atlas-out-'));

/** A copy of an example with some fields changed, in a fresh folder. */
function exampleCopy(name: string, change: (graph: Record<string, unknown>) => void): string {
  const graph = JSON.parse(readFileSync(`resources/examples/${name}.json`, 'utf8'));
  change(graph);
  const file = join(dir(), `${name}.json`);
  writeFileSync(file, JSON.stringify(graph));
  return file;
}

describe('output paths are checked before any training', () => {
  it('landscape --out naming an existing folder: refused in one line, nothing trained', async () => {
    const folder = dir();
    const io = memoryIo();
    expect(await runCli(['landscape', SADDLE, '--out', folder], io)).toBe(2);
    expect(io.err()).toBe(`atlas: --out ${folder}: is a folder; name a file inside it\n`);
  });

  it('a 300-character name: refused before training, not ENAMETOOLONG afterwards', async () => {
    const out = join(dir(), `${'s'.repeat(295)}.json`);
    for (const args of [
      ['landscape', SADDLE, '--out', out],
      ['run', SADDLE, '--events', out],
    ]) {
      const io = memoryIo();
      expect(await runCli(args, io)).toBe(2);
      expect(io.err()).toMatch(/: the file name is too long \(300 bytes; at most 255\)\n$/);
      expect(io.err().split('\n')).toHaveLength(2); // one line
    }
  });

  it('run --events naming a folder, or a file in a folder that is a file', async () => {
    const d = dir();
    writeFileSync(join(d, 'plain'), 'x');
    const cases: [string, string][] = [
      [d, `atlas: --events ${d}: is a folder; name a file inside it\n`],
      [
        join(d, 'plain', 'e.ndjson'),
        `atlas: --events ${join(d, 'plain', 'e.ndjson')}: a folder on its path is a file\n`,
      ],
    ];
    for (const [events, message] of cases) {
      const io = memoryIo();
      expect(await runCli(['run', SADDLE, '--events', events], io)).toBe(2);
      expect(io.err()).toBe(message);
    }
  });

  it('checkOutputPath: devices are fine for streams, never for atomic saves; read-only files refused', async () => {
    await expect(
      checkOutputPath('events', '/dev/null', { atomic: false }),
    ).resolves.toBeUndefined();
    await expect(checkOutputPath('out', '/dev/null', { atomic: true })).rejects.toThrow(
      '--out /dev/null: is not a regular file (a device or pipe cannot be replaced)',
    );
    await expect(checkOutputPath('out', '', { atomic: true })).rejects.toThrow('needs a file name');
    const d = dir();
    await expect(
      checkOutputPath('save-model', join(d, 'model.json'), { atomic: true }),
    ).resolves.toBeUndefined();
    if (process.getuid?.() !== 0) {
      // root may write anywhere; elsewhere a read-only folder is refused.
      const locked = join(d, 'locked');
      mkdirSync(locked, { mode: 0o500 });
      await expect(
        checkOutputPath('out', join(locked, 's.json'), { atomic: true }),
      ).rejects.toThrow(/cannot write in .*locked \(EACCES\)/);
    }
  });
});

describe('write errors after the file is open', () => {
  it('run --events /dev/full: one line, a non-zero exit, the runs stopped', async () => {
    const io = memoryIo();
    const code = await runCli(['run', SADDLE, '--events', '/dev/full', '--backend', 'cpu'], io);
    expect(code).toBe(4);
    const lines = io.err().trim().split('\n');
    expect(lines.at(-1)).toBe('atlas: --events /dev/full: write failed (ENOSPC)');
    expect(io.err()).not.toMatch(/\n\s+at /);
  });
});

describe('names printed to a terminal', () => {
  it('printable removes escape sequences, bells, C1 controls and bidi overrides', () => {
    expect(printable('a\x1b[31mb\x07c\u009bd\u202ee\tf\ng')).toBe('a[31mbcdefg');
    expect(printableLines('one\x1b]0;title\x07\ttwo\nthree\r')).toBe('one]0;title\ttwo\nthree');
  });

  it("a graph's name with escape characters reaches stderr without them", async () => {
    const file = exampleCopy('saddle-escape', (g) => {
      g.name = '\x1b]0;pwned\x07Evil\x1b[2J name\u202e';
    });
    const io = memoryIo();
    expect(await runCli(['run', file, '--steps', '1', '--backend', 'cpu'], io)).toBe(0);
    expect(io.err()).toMatch(/^atlas: \]0;pwnedEvil\[2J name · 3 run\(s\)/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(io.err()).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
  });
});

describe('signals', () => {
  /** Runs the real entry point, sends `signal` once the first step event is out. */
  function interrupt(signal: 'SIGTERM' | 'SIGINT'): Promise<{ code: number | null; out: string }> {
    const file = exampleCopy('rosenbrock-race', (g) => {
      const nodes = g.nodes as { type: string; params: Record<string, unknown> }[];
      for (const node of nodes) if (node.type === 'train') node.params.maxSteps = 1_000_000;
    });
    // Node itself with tsx's loader, not the `tsx` command: that one relays signals to a
    // child and SIGKILLs it when the child has not answered within 30 ms (a busy machine),
    // exiting 143 with the done events never written.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src-main/cli/atlas.ts'), 'run', file, '--backend', 'cpu'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let sent = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!sent && out.includes('"type":"step"')) {
        sent = true;
        child.kill(signal);
      }
    });
    return new Promise((done) => child.on('close', (code) => done({ code, out })));
  }

  it('SIGTERM stops the runs, writes their done events and exits 143', async () => {
    const { code, out } = await interrupt('SIGTERM');
    expect(code).toBe(143);
    const done = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((e) => e.type === 'done');
    expect(done.length).toBe(6);
    expect(done.every((e) => e.status === 'stopped')).toBe(true);
  });

  it('SIGINT (Ctrl-C) exits 130', async () => {
    expect((await interrupt('SIGINT')).code).toBe(130);
  });
});

describe('no temp files are left behind', () => {
  it('a landscape that is written leaves only its output in the folder', async () => {
    const d = dir();
    const io = memoryIo();
    const out = join(d, 'surface.csv');
    expect(
      await runCli(['landscape', SADDLE, '--out', out, '--grid', '5', '--backend', 'cpu'], io),
    ).toBe(0);
    expect(readdirSync(d)).toEqual(['surface.csv']);
  });
});
