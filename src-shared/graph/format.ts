/** Numbers and values as people read them in summaries and problem messages. */

/** Exact, compact: 1e9 rather than 1000000000, 1e-8, 0.25, -1. */
export function formatExact(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(value, -0)) return '0';
  if (Number.isInteger(value) && Math.abs(value) >= 1e6) {
    return value.toExponential().replace('e+', 'e');
  }
  return String(value).replace('e+', 'e');
}

/** Short, for summaries: integers as they are, else 4 significant digits; tiny or huge values as 1e-3, 2.5e-4, 1e5. */
export function formatShort(value: number): string {
  if (!Number.isFinite(value) || value === 0) return formatExact(value);
  const magnitude = Math.abs(value);
  if (magnitude < 0.01 || magnitude >= 1e5) {
    // toExponential always writes one 'e': mantissa, then exponent.
    const [mantissa = '', exponent = ''] = value.toExponential(3).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    return `${trimmed}e${exponent.replace('+', '')}`;
  }
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

const MAX_SHOWN_STRING = 40;

/** What a value is, for `got …`: numbers and short strings verbatim, containers by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return formatExact(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN_STRING ? `${value.slice(0, MAX_SHOWN_STRING)}…` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `"a", "b" or "c"` */
export function listOptions(options: readonly string[], conjunction = 'or'): string {
  const quoted = options.map((o) => JSON.stringify(o));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
