/**
 * Typed readers for a block's params (datasets, models and schedules). The graph validator
 * checks params against the catalog first; these readers repeat the essential checks (torch's,
 * for schedules) so the engine never runs on nonsense when called directly, and name the block
 * and param in every message: `<type>: <param> <problem>, got <value>`. A param not given takes
 * its catalog default: defaults are written once, in the catalog.
 */
import { defaultParams, getBlock } from '../graph/catalog/index';

export type BlockParams = Readonly<Record<string, unknown>>;

/** Returns why `value` is invalid ('must be >= 0'), or undefined when it is fine. */
export type ValueCheck = (value: number) => string | undefined;

export const nonNegative: ValueCheck = (v) => (v >= 0 ? undefined : 'must be >= 0');

export const unitInterval: ValueCheck = (v) => (v >= 0 && v <= 1 ? undefined : 'must be in [0, 1]');

export interface NumberRule {
  /** With `integer`, one message for both: `must be an integer >= min`. */
  readonly min?: number;
  readonly max?: number;
  /** Exclusive upper bound. */
  readonly below?: number;
  readonly integer?: boolean;
  /** Any other rule (torch's ValueErrors), checked last. */
  readonly check?: ValueCheck;
}

/** A given value as the engine's messages quote it: `'text'`, `3`, `[1, 2]`, `null`, `object`. */
export function describeGiven(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(describeGiven).join(', ')}]`;
  return typeof value;
}

export class ParamReader {
  private readonly defaults: BlockParams;

  constructor(
    readonly blockType: string,
    readonly params: BlockParams,
  ) {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new Error(`${blockType}: params must be an object`);
    }
    this.defaults = getBlock(blockType) ? defaultParams(blockType) : {};
  }

  /**
   * Refuses params the block does not declare (a typo must not pass): by default those not in
   * its catalog entry; `known` for readers with more (an optimizer's engine-only hypers).
   */
  rejectUnknown(known: readonly string[] = Object.keys(this.defaults)): this {
    for (const key of Object.keys(this.params)) {
      if (!known.includes(key)) {
        throw new Error(
          `${this.blockType}: unknown parameter '${key}' (known: ${known.join(', ')})`,
        );
      }
    }
    return this;
  }

  /** The value given, else the catalog's default (a param without either is a defect). */
  private value(name: string): unknown {
    if (this.has(name)) return this.params[name];
    if (!Object.hasOwn(this.defaults, name)) this.fail(name, 'is missing (no catalog default)');
    return this.defaults[name];
  }

  /** Throws `<type>: <name> <message>[, got <value>]`. */
  fail(name: string, message: string, ...value: unknown[]): never {
    const got = value.length > 0 ? `, got ${describeGiven(value[0])}` : '';
    throw new Error(`${this.blockType}: ${name} ${message}${got}`);
  }

  /** Whether the param is given (null counts as not given). */
  has(name: string): boolean {
    const value = Object.hasOwn(this.params, name) ? this.params[name] : undefined;
    return value !== undefined && value !== null;
  }

  number(name: string, rule: NumberRule = {}): number {
    return this.checkNumber(name, this.value(name), rule);
  }

  /** `value` as param `name`'s number (a new value for it, too), or a message naming both. */
  checkNumber(name: string, value: unknown, rule: NumberRule = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(name, 'must be a finite number', value);
    }
    if (
      rule.integer &&
      (!Number.isInteger(value) || (rule.min !== undefined && value < rule.min))
    ) {
      this.fail(
        name,
        `must be an integer${rule.min === undefined ? '' : ` >= ${rule.min}`}`,
        value,
      );
    }
    if (rule.min !== undefined && value < rule.min)
      this.fail(name, `must be >= ${rule.min}`, value);
    if (rule.max !== undefined && value > rule.max)
      this.fail(name, `must be <= ${rule.max}`, value);
    if (rule.below !== undefined && value >= rule.below) {
      this.fail(name, `must be < ${rule.below}`, value);
    }
    const problem = rule.check?.(value);
    if (problem) this.fail(name, problem, value);
    return value;
  }

  boolean(name: string): boolean {
    return this.checkBoolean(name, this.value(name));
  }

  checkBoolean(name: string, value: unknown): boolean {
    if (typeof value !== 'boolean') this.fail(name, 'must be true or false', value);
    return value;
  }

  string(name: string): string {
    const value = this.value(name);
    if (typeof value !== 'string') this.fail(name, 'must be a string', value);
    return value;
  }

  choice<T extends string>(name: string, options: readonly T[]): T {
    const value = this.value(name);
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      this.fail(name, `must be one of ${options.map((o) => `'${o}'`).join(', ')}`, value);
    }
    return value as T;
  }

  /** A list of numbers; unless `listOnly`, a single number is accepted as a one-element list. */
  numbers(name: string, rule: NumberRule = {}, listOnly = false): number[] {
    const value = this.value(name);
    const list = typeof value === 'number' && !listOnly ? [value] : value;
    if (!Array.isArray(list)) {
      this.fail(name, `must be a list of ${rule.integer ? 'integers' : 'numbers'}`, value);
    }
    return list.map((item, i) => this.checkNumber(`${name}[${i}]`, item, rule));
  }
}
