/**
 * From a document's sweep to its trials: a pure function of the document, so the same graph
 * and seed give the same trials on every host, worker count and queue.
 */

import { createRng, type Rng } from '../engine/random';
import { getBlock } from '../graph/catalog/index';
import type { NumberParam } from '../graph/params';
import type { GraphDocument } from '../graph/schema';
import type { Sweep, SweepAxis } from '../graph/sweep';

/** One swept value of a trial. */
export interface TrialSetting {
  readonly node: string;
  readonly param: string;
  readonly value: number;
}

export interface Trial {
  /** 0-based, in the order the sweep lists them (grid: the first axis varies slowest). */
  readonly index: number;
  readonly settings: readonly TrialSetting[];
}

/** `opt.lr`: how tables, CSV columns and events name an axis. */
export const axisKey = (axis: { node: string; param: string }): string =>
  `${axis.node}.${axis.param}`;

/** 12 significant digits: log spacing gives 0.001 rather than 0.0010000000000000002. */
const tidy = (value: number): number => Number(value.toPrecision(12));

function specOf(graph: GraphDocument, axis: SweepAxis): NumberParam | undefined {
  const node = graph.nodes.find((n) => n.id === axis.node);
  const spec = node ? getBlock(node.type)?.params[axis.param] : undefined;
  return spec?.kind === 'number' ? spec : undefined;
}

/** Integer params take whole values; a value is kept inside the param's inclusive range. */
function fitValue(value: number, spec: NumberParam | undefined): number {
  let v = tidy(value);
  if (spec?.integer) v = Math.round(v);
  if (spec?.min !== undefined && v < spec.min) v = spec.integer ? Math.ceil(spec.min) : spec.min;
  if (spec?.max !== undefined && v > spec.max) v = spec.integer ? Math.floor(spec.max) : spec.max;
  return v;
}

/** The values a grid takes on one axis: its list, or `count` points of its range, distinct. */
export function axisValues(axis: SweepAxis, spec?: NumberParam): number[] {
  if (axis.values) return axis.values.map((v) => fitValue(v, spec));
  const [low, high] = axis.range ?? [0, 0];
  const count = axis.count ?? 2;
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = count === 1 ? 0 : i / (count - 1);
    const raw =
      axis.scale === 'log'
        ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low)))
        : low + t * (high - low);
    values.push(fitValue(i === count - 1 ? high : i === 0 ? low : raw, spec));
  }
  return [...new Set(values)];
}

/** One random draw on an axis: a listed value, or uniform / log-uniform over the range. */
function sampleAxis(axis: SweepAxis, rng: Rng, spec?: NumberParam): number {
  if (axis.values) return fitValue(axis.values[rng.int(axis.values.length)]!, spec);
  const [low, high] = axis.range ?? [0, 0];
  if (axis.scale === 'log') {
    return fitValue(Math.exp(rng.uniform(Math.log(low), Math.log(high))), spec);
  }
  return fitValue(rng.uniform(low, high), spec);
}

function gridTrials(sweep: Sweep, specs: (NumberParam | undefined)[]): TrialSetting[][] {
  const lists = sweep.axes.map((axis, i) => axisValues(axis, specs[i]));
  let combos: number[][] = [[]];
  for (const list of lists) combos = combos.flatMap((combo) => list.map((v) => [...combo, v]));
  return combos.map((combo) =>
    combo.map((value, i) => ({ node: sweep.axes[i]!.node, param: sweep.axes[i]!.param, value })),
  );
}

/** The sweep's trials, or none when the document has no sweep. */
export function expandSweep(graph: GraphDocument): Trial[] {
  const sweep = graph.sweep;
  if (!sweep) return [];
  const specs = sweep.axes.map((axis) => specOf(graph, axis));
  const rng = createRng(sweep.seed);
  let settings: TrialSetting[][];
  if (sweep.method === 'random') {
    settings = Array.from({ length: sweep.trials ?? 1 }, () =>
      sweep.axes.map((axis, i) => ({
        node: axis.node,
        param: axis.param,
        value: sampleAxis(axis, rng, specs[i]),
      })),
    );
  } else {
    settings = gridTrials(sweep, specs);
    if (sweep.trials !== undefined && sweep.trials < settings.length) {
      // A seeded subset of the grid, kept in grid order.
      const picked = [...rng.permutation(settings.length).slice(0, sweep.trials)].sort(
        (a, b) => a - b,
      );
      settings = picked.map((i) => settings[i]!);
    }
  }
  return settings.map((s, index) => ({ index, settings: s }));
}

/**
 * The graph one trial runs: the swept values written into their nodes, the sweep removed
 * (a trial is a plain graph), everything else shared.
 */
export function applyTrial(graph: GraphDocument, trial: Trial): GraphDocument {
  const { sweep: _sweep, ...rest } = graph;
  return {
    ...rest,
    nodes: graph.nodes.map((node) => {
      const mine = trial.settings.filter((s) => s.node === node.id);
      if (mine.length === 0) return node;
      const params = { ...node.params };
      for (const s of mine) params[s.param] = s.value;
      return { ...node, params };
    }),
  };
}
