/**
 * Reads a schedule block's params (camelCase, as in the catalog) with the catalog's defaults and
 * checks, naming the block type and the param in every message.
 */

export type Interval = 'step' | 'epoch';

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

export class ScheduleParams {
  constructor(
    readonly type: string,
    private readonly params: Readonly<Record<string, unknown>>,
    known: readonly string[],
  ) {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new Error(`${type}: params must be an object`);
    }
    const allowed = [...known, 'interval'];
    for (const key of Object.keys(params)) {
      if (!allowed.includes(key)) {
        throw new Error(`${type}: unknown parameter '${key}' (known: ${allowed.join(', ')})`);
      }
    }
  }

  /** The value given, or undefined when absent or null (then the default applies). */
  private raw(name: string): unknown {
    const value = Object.hasOwn(this.params, name) ? this.params[name] : undefined;
    return value === null ? undefined : value;
  }

  /** Throws `<type>: <name> <message>[, got <value>]`. */
  fail(name: string, message: string, ...value: unknown[]): never {
    const got = value.length > 0 ? `, got ${describe(value[0])}` : '';
    throw new Error(`${this.type}: ${name} ${message}${got}`);
  }

  /** A finite number; `fallback` undefined makes it required. `check` returns why it is bad. */
  number(name: string, fallback?: number, check?: (v: number) => string | undefined): number {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) this.fail(name, 'is required');
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(name, 'must be a finite number', value);
    }
    const problem = check?.(value);
    if (problem) this.fail(name, problem, value);
    return value;
  }

  /** An integer >= min. */
  integer(name: string, fallback: number | undefined, min: number): number {
    return this.number(name, fallback, (v) =>
      Number.isInteger(v) && v >= min ? undefined : `must be an integer >= ${min}`,
    );
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name) ?? fallback;
    if (typeof value !== 'boolean') this.fail(name, 'must be true or false', value);
    return value;
  }

  choice<T extends string>(name: string, options: readonly T[], fallback: T): T {
    const value = this.raw(name) ?? fallback;
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      this.fail(name, `must be one of ${options.map((o) => `'${o}'`).join(', ')}`, value);
    }
    return value as T;
  }

  integerList(name: string, fallback: readonly number[] | undefined, min: number): number[] {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) this.fail(name, 'is required');
    if (!Array.isArray(value)) this.fail(name, 'must be a list of integers', value);
    return value.map((item, i) => {
      if (typeof item !== 'number' || !Number.isInteger(item) || item < min) {
        this.fail(`${name}[${i}]`, `must be an integer >= ${min}`, item);
      }
      return item;
    });
  }

  interval(fallback: Interval): Interval {
    return this.choice('interval', ['step', 'epoch'] as const, fallback);
  }
}
