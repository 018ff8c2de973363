/**
 * Text from files (a graph's name, a CSV's column names, a path) made safe to print on a
 * terminal: control characters (C0, DEL, C1: escape sequences that could move the cursor,
 * retitle the window or hide text) and bidirectional overrides are removed.
 */
const BIDI = '\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNPRINTABLE_IN_LINE = new RegExp(`[\\p{Cc}${BIDI}]`, 'gu');
/** The same, sparing tabs and newlines. */
const UNPRINTABLE = new RegExp(`(?![\\t\\n])[\\p{Cc}${BIDI}]`, 'gu');

/** One line of text without control characters (tabs and newlines are removed too). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE_IN_LINE, '');
}

/** Several lines: keeps newlines and tabs, removes every other control character. */
export function printableLines(text: string): string {
  return text.replace(UNPRINTABLE, '');
}
