/**
 * Semantic checks of a document's sweep: every axis names a node that exists and a number
 * param of its block, its values obey that param's rule, ranges run low to high (above zero
 * on a log scale), a grid knows how many values to take, and the trial count is bounded.
 */
import { describeValue, formatExact } from '../format';
import type { NumberParam } from '../params';
import { checkParamValue } from '../params';
import type { Problem } from '../problem';
import { didYouMean } from '../suggest';
import { SWEEP_LIMITS, type Sweep, type SweepAxis } from '../sweep';
import type { NodeEntry } from './context';

/** The number param an axis sweeps, or why it cannot be swept. */
function axisParam(
  axis: SweepAxis,
  nodes: ReadonlyMap<string, NodeEntry>,
  knownIds: ReadonlySet<string>,
  path: string,
): NumberParam | Problem | 'skip' {
  const entry = nodes.get(axis.node);
  if (!entry) {
    if (knownIds.has(axis.node)) return 'skip';
    return {
      path: `${path}.node`,
      message: `no node with id ${JSON.stringify(axis.node)}${didYouMean(axis.node, [...nodes.keys()])}`,
    };
  }
  if (!entry.block) return 'skip';
  const spec = entry.block.params[axis.param];
  const numeric = Object.entries(entry.block.params)
    .filter(([, s]) => s.kind === 'number')
    .map(([name]) => name);
  if (!spec || !Object.hasOwn(entry.block.params, axis.param)) {
    const hint =
      didYouMean(axis.param, numeric) ||
      (numeric.length === 0
        ? ` (${entry.block.type} has no number params)`
        : ` (its number params: ${numeric.join(', ')})`);
    return {
      path: `${path}.param`,
      message: `${entry.block.type} has no param ${JSON.stringify(axis.param)}${hint}`,
    };
  }
  if (spec.kind !== 'number') {
    return {
      path: `${path}.param`,
      message: `${JSON.stringify(axis.param)} of ${entry.block.type} is not a number param (${spec.kind}); only number params can be swept`,
    };
  }
  return spec;
}

/** `must be …, got …` for a swept value, by the param's own rule (never null). */
function valueProblem(value: number, spec: NumberParam, path: string): Problem | undefined {
  const check = checkParamValue(value, { ...spec, nullable: undefined });
  return check.ok ? undefined : { path, message: check.issues[0].message };
}

function checkAxis(axis: SweepAxis, spec: NumberParam, path: string, sweep: Sweep): Problem[] {
  const problems: Problem[] = [];
  if (axis.values !== undefined && axis.range !== undefined) {
    return [{ path, message: 'give either values or range, not both' }];
  }
  if (axis.values === undefined && axis.range === undefined) {
    return [{ path, message: 'needs values (a list) or range ([low, high])' }];
  }
  if (axis.values !== undefined) {
    axis.values.forEach((value, index) => {
      const problem = valueProblem(value, spec, `${path}.values[${index}]`);
      if (problem) problems.push(problem);
    });
    if (axis.count !== undefined) {
      problems.push({ path: `${path}.count`, message: 'applies to a range, not to values' });
    }
    if (axis.scale === 'log') {
      const index = axis.values.findIndex((v) => v <= 0);
      if (index >= 0) {
        problems.push({
          path: `${path}.values[${index}]`,
          message: `must be > 0 on a log scale, got ${formatExact(axis.values[index]!)}`,
        });
      }
    }
    return problems;
  }
  const [low, high] = axis.range!;
  for (const [index, value] of [low, high].entries()) {
    const problem = valueProblem(value, spec, `${path}.range[${index}]`);
    if (problem) problems.push(problem);
  }
  if (!(low < high)) {
    problems.push({
      path: `${path}.range`,
      message: `must go from low to high, got [${formatExact(low)}, ${formatExact(high)}]`,
    });
  }
  if (axis.scale === 'log' && low <= 0) {
    problems.push({
      path: `${path}.range[0]`,
      message: `must be > 0 on a log scale, got ${formatExact(low)}`,
    });
  }
  if (sweep.method === 'grid' && axis.count === undefined) {
    problems.push({
      path: `${path}.count`,
      message: 'is missing; a grid takes count evenly spaced values from a range',
    });
  }
  return problems;
}

/** How many points the full grid has (Infinity when an axis cannot say). */
export function gridSize(sweep: Sweep): number {
  return sweep.axes.reduce(
    (size, axis) => size * (axis.values?.length ?? axis.count ?? Number.POSITIVE_INFINITY),
    1,
  );
}

export function checkSweep(
  sweep: Sweep,
  nodes: ReadonlyMap<string, NodeEntry>,
  knownIds: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  sweep.axes.forEach((axis, index) => {
    const path = `sweep.axes[${index}]`;
    const key = `${axis.node}\u0000${axis.param}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        path,
        message: `sweeps ${axis.param} of ${JSON.stringify(axis.node)} again (already sweep.axes[${first}])`,
      });
      return;
    }
    seen.set(key, index);
    const spec = axisParam(axis, nodes, knownIds, path);
    if (spec === 'skip') return;
    if ('path' in spec) problems.push(spec);
    else problems.push(...checkAxis(axis, spec, path, sweep));
  });
  if (sweep.method === 'random' && sweep.trials === undefined) {
    problems.push({
      path: 'sweep.trials',
      message: 'is missing; random search draws this many trials',
    });
  }
  const size = gridSize(sweep);
  // An axis without a count is reported above; its grid has no size to judge.
  if (
    sweep.method === 'grid' &&
    sweep.trials === undefined &&
    Number.isFinite(size) &&
    size > SWEEP_LIMITS.maxTrials
  ) {
    problems.push({
      path: 'sweep',
      message: `the grid has ${describeValue(size)} trials; at most ${SWEEP_LIMITS.maxTrials} (fewer values per axis, or set trials to run a random subset)`,
    });
  }
  return problems;
}
