/** Command-line options shared by the commands: `--flag value`, integer ranges, progress. */

/** A bad command line or input file: reported as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses `--flag value` options; flags without a value in `booleans`. Unknown flags are errors. */
export function parseOptions(
  args: readonly string[],
  known: readonly string[],
): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (!known.includes(flag)) throw new UsageError(`unknown option --${flag}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`--${flag} needs a value`);
    options.set(flag, value);
  }
  return { positional, options };
}

export function integerOption(
  options: Map<string, string>,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  const raw = options.get(flag);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

/** A one-line progress bar for a terminal. */
export function progressBar(fraction: number, width = 24): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)
    .toString()
    .padStart(3)}%`;
}
