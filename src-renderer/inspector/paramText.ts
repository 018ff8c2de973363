/**
 * Param values as text in the inspector's fields, and back: what a person types is parsed and
 * checked against the param's spec; a bad value gets the catalog's own message and is not
 * applied.
 */
import {
  checkParamValue,
  formatExact,
  type NumberListParam,
  type NumberParam,
  type ParamSpec,
} from '../../src-shared/graph';

export type ParsedParam =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string };

/** How a value is written in a text field: `0.001`, `1e-8`, `32, 32`; '' for null. */
export function formatParamText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatExact(value);
  if (Array.isArray(value)) return value.map(formatParamText).join(', ');
  return String(value);
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return null;
  return Number(trimmed);
}

function checked(value: unknown, spec: ParamSpec): ParsedParam {
  const check = checkParamValue(value, spec);
  if (check.ok) return { ok: true, value: check.value };
  const [issue] = check.issues;
  const [item] = issue.at;
  const where = item !== undefined ? `item ${item + 1} ` : '';
  return { ok: false, message: `${where}${issue.message}` };
}

function parseNumberText(text: string, spec: NumberParam): ParsedParam {
  if (text.trim() === '' && spec.nullable) return { ok: true, value: null };
  const value = parseNumber(text);
  if (value === null) return { ok: false, message: `must be a number, got "${text.trim()}"` };
  return checked(value, spec);
}

function parseListText(text: string, spec: NumberListParam): ParsedParam {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const values = parts.map(parseNumber);
  const bad = values.indexOf(null);
  if (bad !== -1) return { ok: false, message: `item ${bad + 1} is not a number: "${parts[bad]}"` };
  return checked(values, spec);
}

/** Parses a text field's content for a number, number list or string param. */
export function parseParamText(text: string, spec: ParamSpec): ParsedParam {
  switch (spec.kind) {
    case 'number':
      return parseNumberText(text, spec);
    case 'numberList':
      return parseListText(text, spec);
    case 'string':
      return checked(text, spec);
    default:
      return checked(text, spec);
  }
}

/** The decades a log-scale slider spans: from the spec's bounds, or around the default. */
export function logSliderRange(spec: NumberParam): { low: number; high: number } {
  const reference = typeof spec.default === 'number' && spec.default > 0 ? spec.default : 1e-3;
  const center = Math.floor(Math.log10(reference));
  const low = spec.min !== undefined && spec.min > 0 ? Math.log10(spec.min) : center - 4;
  const high = Math.min(spec.max !== undefined ? Math.log10(spec.max) : center + 4, center + 4);
  return { low, high: Math.max(high, low + 1) };
}

/** Slider position (0..1) of a value on a log scale; clamped to the ends. */
export function toLogPosition(value: number, range: { low: number; high: number }): number {
  if (!(value > 0)) return 0;
  const t = (Math.log10(value) - range.low) / (range.high - range.low);
  return Math.min(1, Math.max(0, t));
}

/** The value at a log slider position, rounded to 3 significant digits (what a person reads). */
export function fromLogPosition(t: number, range: { low: number; high: number }): number {
  const value = 10 ** (range.low + t * (range.high - range.low));
  return Number(value.toPrecision(3));
}
