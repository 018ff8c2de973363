/**
 * An optimizer's hyper-parameters as its catalog block declares them: the defaults come from
 * the catalog (written once, there); the engine adds only torch's checks (its ValueErrors),
 * which are not the editor's ranges. Every catalog param needs a check entry (null: none), so
 * a param added to the catalog cannot be silently ignored by the engine.
 */
import { defaultParams, getBlock } from '../../graph/catalog/index';
import type { HyperSpec, HyperSpecs, HyperValue } from './hyper';

export type HyperChecks = Readonly<Record<string, HyperSpec['check'] | null>>;

export function catalogHypers(type: string, checks: HyperChecks): HyperSpecs {
  if (!getBlock(type)) throw new Error(`${type}: no such block in the catalog`);
  const defaults = defaultParams(type);
  const declared = Object.keys(defaults);
  const unchecked = declared.filter((name) => !Object.hasOwn(checks, name));
  const unknown = Object.keys(checks).filter((name) => !Object.hasOwn(defaults, name));
  if (unchecked.length > 0 || unknown.length > 0) {
    throw new Error(
      `${type}: the engine's hyper-parameters [${Object.keys(checks).join(', ')}] do not match the catalog's [${declared.join(', ')}]`,
    );
  }
  const specs: Record<string, HyperSpec> = {};
  for (const name of declared) {
    const check = checks[name];
    specs[name] = { default: defaults[name] as HyperValue, ...(check ? { check } : {}) };
  }
  return specs;
}
