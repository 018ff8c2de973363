/**
 * Block parameters: their specs (type, default, range, one-line help) and the check of a
 * value against its spec. Ranges are part of the hostile-file defence: they keep a graph
 * from asking for absurd memory or work.
 */
import type { z } from 'zod';
import { describeValue, formatExact, listOptions } from './format';
import type { PathSegment } from './problem';

interface ParamBase {
  /** One line shown in the inspector. */
  readonly help: string;
  /** `null` is a valid value (e.g. maxSteps: no limit). */
  readonly nullable?: true;
  /** Only how the app shows results (a chart's axis, a pane): no run depends on it. */
  readonly display?: true;
}

export interface NumberParam extends ParamBase {
  readonly kind: 'number';
  readonly default: number | null;
  readonly min?: number;
  readonly max?: number;
  /** `min` itself is not allowed (value > min). */
  readonly exclusiveMin?: boolean;
  /** `max` itself is not allowed (value < max). */
  readonly exclusiveMax?: boolean;
  readonly integer?: boolean;
  /** How the inspector's slider moves. */
  readonly scale?: 'linear' | 'log';
  readonly unit?: string;
}

export interface BooleanParam extends ParamBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}

export interface EnumParam extends ParamBase {
  readonly kind: 'enum';
  readonly options: readonly string[];
  readonly default: string;
}

export interface StringParam extends ParamBase {
  readonly kind: 'string';
  readonly default: string;
  readonly maxLength: number;
  /** The value names a user's file of this kind (the inspector offers a picker). */
  readonly file?: 'layersModel';
}

export interface NumberListParam extends ParamBase {
  readonly kind: 'numberList';
  readonly default: readonly number[];
  readonly minItems: number;
  readonly maxItems: number;
  readonly itemMin: number;
  readonly itemMax: number;
  readonly integer: boolean;
}

export interface PointParam extends ParamBase {
  readonly kind: 'point';
  readonly default: readonly [number, number];
  /** Bounds of each coordinate (inclusive). */
  readonly min: number;
  readonly max: number;
}

/**
 * A small structured value (an object of settings) checked by a zod schema whose messages
 * follow the catalog's style. `null` means "the defaults of whoever reads it". The inspector
 * does not edit these: the view that owns them does (e.g. the landscape viewer's recorder).
 */
export interface StructuredParam extends ParamBase {
  readonly kind: 'structured';
  readonly default: null;
  readonly nullable: true;
  /** Checks and normalizes a value: defaults filled in, keys in a fixed order. */
  readonly schema: z.ZodType;
}

export type ParamSpec =
  | NumberParam
  | BooleanParam
  | EnumParam
  | StringParam
  | NumberListParam
  | PointParam
  | StructuredParam;

/** A problem in one param value; `at` extends the param's path (list index, point axis). */
export interface ParamIssue {
  readonly at: readonly number[];
  /** Path below a structured value (keys and indices); when present it replaces `at`. */
  readonly within?: readonly PathSegment[];
  readonly message: string;
}

export type ParamCheck =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly [ParamIssue, ...ParamIssue[]] };

/** A check's result: the value to store, or the issues found (never an empty list). */
function outcome(issues: readonly ParamIssue[], value: () => unknown): ParamCheck {
  const [first, ...rest] = issues;
  return first ? { ok: false, issues: [first, ...rest] } : { ok: true, value: value() };
}

/** A fresh copy of a spec's default (lists are never shared between nodes). */
export function defaultValue(spec: ParamSpec): unknown {
  if (spec.kind === 'numberList') return [...spec.default];
  if (spec.kind === 'point') return [spec.default[0], spec.default[1]];
  return spec.default;
}

function rangeText(spec: {
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}): string {
  const { min, max } = spec;
  if (min !== undefined && max !== undefined && !spec.exclusiveMin && !spec.exclusiveMax) {
    return `between ${formatExact(min)} and ${formatExact(max)}`;
  }
  const parts: string[] = [];
  if (min !== undefined) parts.push(`${spec.exclusiveMin ? '>' : '≥'} ${formatExact(min)}`);
  if (max !== undefined) parts.push(`${spec.exclusiveMax ? '<' : '≤'} ${formatExact(max)}`);
  return parts.join(' and ');
}

function inRange(value: number, spec: NumberParam): boolean {
  if (spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min)) {
    return false;
  }
  if (spec.max !== undefined && (spec.exclusiveMax ? value >= spec.max : value > spec.max)) {
    return false;
  }
  return true;
}

/** The rule a number param states, e.g. `an integer between 1 and 4096` or `> 0`. */
export function numberRule(spec: NumberParam, valueIsNumber: boolean): string {
  const range = rangeText(spec);
  const noun = spec.integer ? 'an integer' : 'a number';
  const body = spec.integer || !valueIsNumber || range === '' ? `${noun} ${range}` : range;
  return `${spec.nullable ? 'null or ' : ''}${body.trim()}`;
}

function fail(message: string, at: readonly number[] = []): ParamCheck {
  return { ok: false, issues: [{ at, message }] };
}

function checkNumber(value: unknown, spec: NumberParam): ParamCheck {
  const isNumber = typeof value === 'number';
  if (isNumber && Number.isFinite(value) && (!spec.integer || Number.isInteger(value))) {
    if (inRange(value, spec)) return { ok: true, value };
  }
  return fail(`must be ${numberRule(spec, isNumber)}, got ${describeValue(value)}`);
}

function checkNumberList(value: unknown, spec: NumberListParam): ParamCheck {
  const noun = spec.integer ? 'integers' : 'numbers';
  const items = `${noun} between ${formatExact(spec.itemMin)} and ${formatExact(spec.itemMax)}`;
  if (!Array.isArray(value)) {
    const count =
      spec.minItems === spec.maxItems ? `${spec.minItems}` : `${spec.minItems} to ${spec.maxItems}`;
    return fail(`must be a list of ${count} ${items}, got ${describeValue(value)}`);
  }
  if (value.length < spec.minItems || value.length > spec.maxItems) {
    return fail(
      `must have between ${spec.minItems} and ${spec.maxItems} items, got ${value.length}`,
    );
  }
  const issues: ParamIssue[] = [];
  const itemSpec: NumberParam = {
    kind: 'number',
    default: 0,
    min: spec.itemMin,
    max: spec.itemMax,
    integer: spec.integer,
    help: '',
  };
  value.forEach((item, index) => {
    const check = checkNumber(item, itemSpec);
    if (!check.ok) issues.push({ at: [index], message: check.issues[0].message });
  });
  return outcome(issues, () => [...value]);
}

function checkPoint(value: unknown, spec: PointParam): ParamCheck {
  if (!Array.isArray(value) || value.length !== 2) {
    return fail(`must be a point [x, y] of two numbers, got ${describeValue(value)}`);
  }
  const axisSpec: NumberParam = {
    kind: 'number',
    default: 0,
    min: spec.min,
    max: spec.max,
    help: '',
  };
  const issues: ParamIssue[] = [];
  value.forEach((item, index) => {
    const check = checkNumber(item, axisSpec);
    if (!check.ok) issues.push({ at: [index], message: check.issues[0].message });
  });
  return outcome(issues, () => [value[0], value[1]]);
}

function checkStructured(value: unknown, spec: StructuredParam): ParamCheck {
  const parsed = spec.schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues: ParamIssue[] = [];
  for (const issue of parsed.error.issues) {
    const within = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    // One problem per unknown key, at that key, so the path points at what to remove.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (keys.length === 0) issues.push({ at: [], within, message: issue.message });
    for (const key of keys)
      issues.push({ at: [], within: [...within, key], message: issue.message });
  }
  return outcome(issues, () => value);
}

/** Checks one value against its spec; on success returns the value to store (lists copied). */
export function checkParamValue(value: unknown, spec: ParamSpec): ParamCheck {
  if (value === null && spec.nullable) return { ok: true, value: null };
  switch (spec.kind) {
    case 'number':
      return checkNumber(value, spec);
    case 'boolean':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : fail(`must be true or false, got ${describeValue(value)}`);
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value)
        ? { ok: true, value }
        : fail(`must be one of ${listOptions(spec.options)}, got ${describeValue(value)}`);
    case 'string':
      if (typeof value !== 'string') return fail(`must be a string, got ${describeValue(value)}`);
      return value.length <= spec.maxLength
        ? { ok: true, value }
        : fail(`must be at most ${spec.maxLength} characters, got ${value.length}`);
    case 'numberList':
      return checkNumberList(value, spec);
    case 'point':
      return checkPoint(value, spec);
    case 'structured':
      return checkStructured(value, spec);
  }
}
