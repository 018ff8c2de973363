/**
 * Typed readers for a block's params (datasets and models). The graph validator checks params
 * against the catalog first; these readers repeat the essential checks so the engine never
 * runs on nonsense when called directly, and name the block and param in every message.
 */

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
  constructor(
    readonly blockType: string,
    readonly params: BlockParams,
  ) {}

  fail(name: string, message: string): never {
    throw new Error(`${this.blockType}: param "${name}" ${message}`);
  }

  has(name: string): boolean {
    return this.params[name] !== undefined && this.params[name] !== null;
  }

  number(name: string, fallback: number, rule: NumberRule = {}): number {
    const value = this.has(name) ? this.params[name] : fallback;
    return this.check(name, value, rule);
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

  boolean(name: string, fallback: boolean): boolean {
    const value = this.has(name) ? this.params[name] : fallback;
    if (typeof value !== 'boolean')
      this.fail(name, `must be true or false, got ${describe(value)}`);
    return value;
  }

  string(name: string, fallback: string): string {
    const value = this.has(name) ? this.params[name] : fallback;
    if (typeof value !== 'string') this.fail(name, `must be a string, got ${describe(value)}`);
    return value;
  }

  choice<T extends string>(name: string, options: readonly T[], fallback: T): T {
    const value = this.has(name) ? this.params[name] : fallback;
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      this.fail(name, `must be one of ${options.join(', ')}, got ${describe(value)}`);
    }
    return value as T;
  }

  /** A list of numbers; a single number is accepted as a one-element list. */
  numbers(name: string, fallback: readonly number[], rule: NumberRule = {}): number[] {
    const value = this.has(name) ? this.params[name] : fallback;
    const list = typeof value === 'number' ? [value] : value;
    if (!Array.isArray(list)) this.fail(name, `must be a list of numbers, got ${describe(value)}`);
    return list.map((item, i) => this.check(`${name}[${i}]`, item, rule));
  }
}
