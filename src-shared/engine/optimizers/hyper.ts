/**
 * An optimizer's hyper-parameters: read from a block's params (defaults filled in), checked
 * the way torch.optim checks them (its ValueErrors), and changed live through `set`. Messages
 * read like every block reader's (`block-params.ts`): `<type>: <name> <problem>, got <value>`.
 */
import { describeValue as describe, type ValueCheck } from '../block-params';

export type HyperValue = number | boolean;

export interface HyperSpec {
  readonly default: HyperValue;
  readonly check?: ValueCheck;
}

export type HyperSpecs = Readonly<Record<string, HyperSpec>>;

/** A rule across several hyper-parameters (Nesterov needs momentum); message or undefined. */
export type CrossCheck = (get: (name: string) => HyperValue) => string | undefined;

/** torch: "Invalid beta parameter at index i" unless 0 <= beta < 1. */
export const betaRange: ValueCheck = (v) => (v >= 0 && v < 1 ? undefined : 'must be in [0, 1)');

export class Hypers {
  private readonly values = new Map<string, HyperValue>();

  /**
   * @param owner the block type, named in every message (`optimizer.adam`).
   * @param aliases names accepted by get/set for another hyper (adam's `momentum` is `beta1`).
   */
  constructor(
    private readonly owner: string,
    private readonly specs: HyperSpecs,
    params: Readonly<Record<string, unknown>>,
    private readonly aliases: Readonly<Record<string, string>> = {},
    private readonly crossCheck?: CrossCheck,
  ) {
    for (const key of Object.keys(params)) {
      if (!Object.hasOwn(specs, key)) {
        throw new Error(
          `${owner}: unknown parameter '${key}' (known: ${Object.keys(specs).join(', ')})`,
        );
      }
    }
    for (const [name, spec] of Object.entries(specs)) {
      const given = Object.hasOwn(params, name) ? params[name] : undefined;
      const value = given === undefined || given === null ? spec.default : given;
      this.values.set(name, this.validate(name, value));
    }
    const problem = this.crossCheck?.((n) => this.get(n));
    if (problem) throw new Error(`${owner}: ${problem}`);
  }

  /** True when `name` (or an alias of it) is a hyper-parameter of this optimizer. */
  has(name: string): boolean {
    return Object.hasOwn(this.specs, this.resolve(name));
  }

  get(name: string): HyperValue {
    const value = this.values.get(this.resolve(name));
    if (value === undefined) throw this.unknown(name);
    return value;
  }

  num(name: string): number {
    return this.get(name) as number;
  }

  bool(name: string): boolean {
    return this.get(name) as boolean;
  }

  /** Validates and stores; on any problem throws and leaves every value as it was. */
  set(name: string, value: unknown): void {
    const key = this.resolve(name);
    if (!Object.hasOwn(this.specs, key)) throw this.unknown(name);
    const next = this.validate(key, value);
    const previous = this.values.get(key) as HyperValue;
    this.values.set(key, next);
    const problem = this.crossCheck?.((n) => this.get(n));
    if (problem) {
      this.values.set(key, previous);
      throw new Error(`${this.owner}: ${problem}`);
    }
  }

  private resolve(name: string): string {
    return Object.hasOwn(this.aliases, name) ? this.aliases[name]! : name;
  }

  private unknown(name: string): Error {
    const known = [...Object.keys(this.specs), ...Object.keys(this.aliases)].join(', ');
    return new Error(`${this.owner}: unknown hyper-parameter '${name}' (known: ${known})`);
  }

  private validate(name: string, value: unknown): HyperValue {
    const spec = this.specs[name]!;
    if (typeof spec.default === 'boolean') {
      if (typeof value !== 'boolean') {
        throw new Error(`${this.owner}: ${name} must be true or false, got ${describe(value)}`);
      }
      return value;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${this.owner}: ${name} must be a finite number, got ${describe(value)}`);
    }
    const problem = spec.check?.(value);
    if (problem) throw new Error(`${this.owner}: ${name} ${problem}, got ${value}`);
    return value;
  }
}
