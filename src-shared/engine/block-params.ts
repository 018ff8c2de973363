/**
 * Typed readers for a block's params (datasets and models). The graph validator checks params
 * against the catalog first; these readers repeat the essential checks so the engine never
 * runs on nonsense when called directly, and name the block and param in every message. A
 * param not given takes its catalog default: defaults are written once, in the catalog.
 */
import { defaultParams, getBlock } from '../graph/catalog/index';

export type BlockParams = Readonly<Record<string, unknown>>;

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  /** Exclusive upper bound. */
  readonly below?: number;
  readonly integer?: boolean;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  return String(value);
}

export class ParamReader {
  private readonly defaults: BlockParams;

  constructor(
    readonly blockType: string,
    readonly params: BlockParams,
  ) {
    this.defaults = getBlock(blockType) ? defaultParams(blockType) : {};
  }

  /** The value given, else the catalog's default (a param without either is a defect). */
  private value(name: string): unknown {
    if (this.has(name)) return this.params[name];
    if (!Object.hasOwn(this.defaults, name)) this.fail(name, 'is missing (no catalog default)');
    return this.defaults[name];
  }

  fail(name: string, message: string): never {
    throw new Error(`${this.blockType}: param "${name}" ${message}`);
  }

  has(name: string): boolean {
    return this.params[name] !== undefined && this.params[name] !== null;
  }

  number(name: string, rule: NumberRule = {}): number {
    return this.check(name, this.value(name), rule);
  }

  private check(name: string, value: unknown, rule: NumberRule): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(name, `must be a finite number, got ${describe(value)}`);
    }
    if (rule.integer && !Number.isInteger(value)) {
      this.fail(name, `must be an integer, got ${value}`);
    }
    if (rule.min !== undefined && value < rule.min) {
      this.fail(name, `must be >= ${rule.min}, got ${value}`);
    }
    if (rule.max !== undefined && value > rule.max) {
      this.fail(name, `must be <= ${rule.max}, got ${value}`);
    }
    if (rule.below !== undefined && value >= rule.below) {
      this.fail(name, `must be < ${rule.below}, got ${value}`);
    }
    return value;
  }

  boolean(name: string): boolean {
    const value = this.value(name);
    if (typeof value !== 'boolean')
      this.fail(name, `must be true or false, got ${describe(value)}`);
    return value;
  }

  string(name: string): string {
    const value = this.value(name);
    if (typeof value !== 'string') this.fail(name, `must be a string, got ${describe(value)}`);
    return value;
  }

  choice<T extends string>(name: string, options: readonly T[]): T {
    const value = this.value(name);
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      this.fail(name, `must be one of ${options.join(', ')}, got ${describe(value)}`);
    }
    return value as T;
  }

  /** A list of numbers; a single number is accepted as a one-element list. */
  numbers(name: string, rule: NumberRule = {}): number[] {
    const value = this.value(name);
    const list = typeof value === 'number' ? [value] : value;
    if (!Array.isArray(list)) this.fail(name, `must be a list of numbers, got ${describe(value)}`);
    return list.map((item, i) => this.check(`${name}[${i}]`, item, rule));
  }
}
