/**
 * How every kind of block registers its engine implementation, the same way for datasets,
 * models, optimizers and schedules: one table from catalog type to implementation. The
 * catalog holds the block's facts; the table only says which code runs it. A unit test checks
 * each table against the catalog (every block of the kind implemented, nothing extra).
 */
import type { BlockKind } from '../graph/block';

export class BlockRegistry<T> {
  readonly types: readonly string[];
  private readonly byType: ReadonlyMap<string, T>;

  constructor(
    readonly kind: BlockKind,
    implementations: Readonly<Record<string, T>>,
  ) {
    // A Map, not the object: a type named `__proto__` or `constructor` finds nothing.
    this.byType = new Map(Object.entries(implementations));
    this.types = [...this.byType.keys()];
  }

  /** The implementation of `type`; throws naming the kind and the known types. */
  get(type: string): T {
    const found = this.byType.get(type);
    if (found === undefined) {
      throw new Error(`unknown ${this.kind} type '${type}' (known: ${this.types.join(', ')})`);
    }
    return found;
  }
}
