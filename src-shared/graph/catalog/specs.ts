/** Small constructors for param specs and the params many blocks share. */
import type {
  BooleanParam,
  EnumParam,
  NumberListParam,
  NumberParam,
  PointParam,
  StringParam,
  StructuredParam,
} from '../params';

export const num = (spec: Omit<NumberParam, 'kind'>): NumberParam => ({ kind: 'number', ...spec });
export const bool = (spec: Omit<BooleanParam, 'kind'>): BooleanParam => ({
  kind: 'boolean',
  ...spec,
});
export const choice = (spec: Omit<EnumParam, 'kind'>): EnumParam => ({ kind: 'enum', ...spec });
export const text = (spec: Omit<StringParam, 'kind'>): StringParam => ({ kind: 'string', ...spec });
export const numberList = (spec: Omit<NumberListParam, 'kind'>): NumberListParam => ({
  kind: 'numberList',
  ...spec,
});
export const point = (spec: Omit<PointParam, 'kind'>): PointParam => ({ kind: 'point', ...spec });
export const structured = (
  spec: Omit<StructuredParam, 'kind' | 'default' | 'nullable'>,
): StructuredParam => ({ kind: 'structured', default: null, nullable: true, ...spec });

/** Largest seed: fits a 32-bit signed integer, as PRNG seeds usually are. */
export const MAX_SEED = 2 ** 31 - 1;

export const seed = (what: string): NumberParam =>
  num({ default: 0, min: 0, max: MAX_SEED, integer: true, help: `Random seed for ${what}` });

export const valSplit = (): NumberParam =>
  num({
    default: 0.2,
    min: 0,
    max: 0.9,
    help: 'Fraction of the samples held out for validation',
  });

/** The largest learning rate accepted: far beyond useful, still a finite experiment. */
export const MAX_LR = 1000;

export const lr = (fallback: number): NumberParam =>
  num({
    default: fallback,
    min: 0,
    exclusiveMin: true,
    max: MAX_LR,
    scale: 'log',
    help: 'Learning rate α (a connected schedule overrides it)',
  });

export const eps = (fallback: number): NumberParam =>
  num({
    default: fallback,
    min: 0,
    exclusiveMin: true,
    max: 1,
    scale: 'log',
    help: 'ε added to the denominator for numerical stability',
  });

export const beta = (fallback: number, help: string): NumberParam =>
  num({ default: fallback, min: 0, max: 1, exclusiveMax: true, help });

export const weightDecay = (fallback: number, help: string): NumberParam =>
  num({ default: fallback, min: 0, max: 10, help });

export const interval = (): EnumParam =>
  choice({
    options: ['step', 'epoch'],
    default: 'step',
    help: 'Advance the schedule after every optimizer step or after every epoch',
  });

export const every = (fallback: number): NumberParam =>
  num({
    default: fallback,
    min: 1,
    max: 100_000,
    integer: true,
    unit: 'steps',
    help: 'Record a value every N steps',
  });

/** Reads a param for a summary: the value when it has the expected type, else the fallback. */
export function read<T extends number | string | boolean>(
  params: Readonly<Record<string, unknown>>,
  key: string,
  fallback: T,
): T {
  const value = Object.hasOwn(params, key) ? params[key] : undefined;
  return typeof value === typeof fallback && (typeof value !== 'number' || Number.isFinite(value))
    ? (value as T)
    : fallback;
}

/** Reads a numeric list param for a summary. */
export function readList(
  params: Readonly<Record<string, unknown>>,
  key: string,
  fallback: readonly number[],
): readonly number[] {
  const value = Object.hasOwn(params, key) ? params[key] : undefined;
  return Array.isArray(value) && value.every((v) => typeof v === 'number') ? value : fallback;
}
