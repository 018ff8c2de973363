/**
 * `npm run lint:electron`: Electronegativity (Doyensec's Electron misconfiguration scanner)
 * over the project, offline, through its API. Passes only with zero findings beyond the
 * exceptions in electronegativity-exceptions.json, each of which gives its reason; an
 * exception that no longer matches anything fails too, so the list stays true.
 *
 * CommonJS because the scanner's parser (typescript-estree) must get the TypeScript it was
 * built for (its own 4.x), not the project's TypeScript 7, which has no JS API.
 */
const Module = require('node:module');
const { cpSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const SCANNED = ['package.json', 'src-main', 'src-renderer'];
const SCANNER = join(ROOT, 'node_modules/@doyensec/electronegativity');
const ownTypeScript = require.resolve('typescript', { paths: [SCANNER] });
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (
    request === 'typescript' &&
    /typescript-estree|electronegativity/.test(parent?.filename ?? '')
  ) {
    return ownTypeScript;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

async function main() {
  const quiet = console.log;
  console.log = () => {}; // the scanner's network notices ("No connectivity?") are noise offline
  let findings;
  try {
    await require(join(SCANNER, 'dist/locales/i18n.js'))();
    const run = require(join(SCANNER, 'dist/runner.js'));
    // What ships, and only that: the sources of main and renderer and package.json (for the
    // Electron version), not build output (out/), tests or tools.
    const input = mkdtempSync(join(tmpdir(), 'electronegativity-'));
    for (const part of SCANNED) cpSync(join(ROOT, part), join(input, part), { recursive: true });
    // No output file: the scanner writes it unawaited. The result holds the same issues.
    const result = await run(
      {
        input,
        customScan: [],
        excludeFromScan: [],
        isRelative: true,
        isVerbose: false,
        parserPlugins: [],
      },
      false,
    );
    rmSync(input, { recursive: true, force: true });
    findings = result.issues.map((issue) => ({
      issue: issue.id,
      file: issue.file,
      location: `${issue.location.line}:${issue.location.column}`,
      description: issue.description,
    }));
  } finally {
    console.log = quiet;
  }
  const exceptions = JSON.parse(
    readFileSync(join(__dirname, 'electronegativity-exceptions.json'), 'utf8'),
  ).exceptions;
  const used = new Set();
  const unexplained = findings.filter((f) => {
    const index = exceptions.findIndex((e) => e.check === f.issue && e.file === f.file);
    if (index < 0) return true;
    used.add(index);
    return false;
  });
  for (const f of findings) {
    const excepted = !unexplained.includes(f);
    console.log(
      `${excepted ? 'excepted' : 'FINDING '} ${f.issue} ${f.file}:${f.location} ${f.description}`,
    );
  }
  const stale = exceptions.filter((_, i) => !used.has(i));
  for (const e of stale) console.log(`STALE    exception ${e.check} ${e.file} matches nothing`);
  console.log(
    `electronegativity: ${findings.length} finding(s), ${findings.length - unexplained.length} excepted with a written reason, ${unexplained.length} unexplained, ${stale.length} stale exception(s)`,
  );
  process.exitCode = unexplained.length + stale.length > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(`electronegativity: ${error.stack ?? error}`);
  process.exitCode = 1;
});
