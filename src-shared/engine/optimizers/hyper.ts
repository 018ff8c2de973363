/**
 * An optimizer's hyper-parameters: read from a block's params (defaults filled in), checked
 * the way torch.optim checks them (its ValueErrors), and changed live through `set`. Read and
 * checked by the blocks' one reader (`block-params.ts`), so messages read like every block's:
 * `<type>: <name> <problem>, got <value>`.
 */
import { ParamReader, type ValueCheck } from '../block-params';

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
  private readonly reader: ParamReader;

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
    // The specs' defaults are the catalog's (catalogHypers) plus the engine-only hypers'.
    this.reader = new ParamReader(owner, params).rejectUnknown(Object.keys(specs));
    for (const [name, spec] of Object.entries(specs)) {
      const value = this.reader.has(name) ? params[name] : spec.default;
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
    return typeof spec.default === 'boolean'
      ? this.reader.checkBoolean(name, value)
      : this.reader.checkNumber(name, value, spec.check ? { check: spec.check } : {});
  }
}
