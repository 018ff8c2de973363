/** Checks one node's params against its block's specs: unknown names, types, ranges, rules. */
import type { BlockDefinition } from '../block';
import { checkParamValue, defaultValue } from '../params';
import { childPath, type Problem } from '../problem';
import { isJsonObject } from '../schema';
import { didYouMean } from '../suggest';

export function checkNodeParams(
  params: unknown,
  block: BlockDefinition,
  paramsPath: string,
): Problem[] {
  if (!isJsonObject(params)) return [{ path: paramsPath, message: 'must be an object' }];
  const problems: Problem[] = [];
  const known = Object.keys(block.params);
  for (const name of Object.keys(params)) {
    if (Object.hasOwn(block.params, name)) continue;
    const hint =
      didYouMean(name, known) ||
      (known.length === 0 ? ' (it has no params)' : ` (its params: ${known.join(', ')})`);
    problems.push({
      path: childPath(paramsPath, name),
      message: `unknown param of ${block.type}${hint}`,
    });
  }
  const merged: Record<string, unknown> = {};
  let allValid = true;
  for (const [name, spec] of Object.entries(block.params)) {
    if (!Object.hasOwn(params, name)) {
      merged[name] = defaultValue(spec);
      continue;
    }
    const check = checkParamValue(params[name], spec);
    if (check.ok) {
      merged[name] = check.value;
      continue;
    }
    allValid = false;
    for (const issue of check.issues) {
      const below = issue.within ?? issue.at;
      const path = below.reduce<string>(childPath, childPath(paramsPath, name));
      problems.push({ path, message: issue.message });
    }
  }
  if (allValid && block.check) {
    for (const issue of block.check(merged)) {
      problems.push({ path: childPath(paramsPath, issue.param), message: issue.message });
    }
  }
  return problems;
}
