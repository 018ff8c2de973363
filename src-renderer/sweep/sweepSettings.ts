/**
 * Editing how a sweep picks and stops its trials (method, trial count, seed, median rule)
 * from the panel's fields: text in, a checked sweep out, or one message naming the field.
 * The sweep is checked as the document would check it (schema, then the graph's rules), so
 * nothing the panel writes makes the document invalid.
 */
import {
  type GraphDocument,
  type Sweep,
  type SweepMethod,
  SweepSchema,
  validateGraph,
} from '../../src-shared/graph';

export type SweepSettingsChange =
  | { readonly field: 'method'; readonly value: SweepMethod }
  /** '' runs the whole grid (grid only). */
  | { readonly field: 'trials'; readonly value: string }
  | { readonly field: 'seed'; readonly value: string }
  | { readonly field: 'medianStop'; readonly value: boolean }
  | { readonly field: 'medianStep'; readonly value: string };

export type SweepSettingsResult =
  | { readonly ok: true; readonly sweep: Sweep }
  | { readonly ok: false; readonly message: string };

/** A random search started from a grid draws this many trials unless told otherwise. */
export const DEFAULT_RANDOM_TRIALS = 20;
/** The median rule's first check, when it is switched on. */
export const DEFAULT_MEDIAN_STEP = 20;

const LABELS: Record<SweepSettingsChange['field'], string> = {
  method: 'method',
  trials: 'trials',
  seed: 'seed',
  medianStop: 'median rule',
  medianStep: 'median rule step',
};

/** A whole number typed into a field, or why not. */
function wholeNumber(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return 'is empty';
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `${JSON.stringify(trimmed)} is not a number`;
  if (!Number.isInteger(value)) return `${trimmed} is not a whole number`;
  return value;
}

function candidate(sweep: Sweep, change: SweepSettingsChange): Sweep | string {
  switch (change.field) {
    case 'method': {
      if (change.value === 'random' && sweep.trials === undefined)
        return { ...sweep, method: 'random', trials: DEFAULT_RANDOM_TRIALS };
      return { ...sweep, method: change.value };
    }
    case 'trials': {
      if (change.value.trim() === '') {
        if (sweep.method === 'random') return 'random search needs a number of trials';
        const { trials: _all, ...rest } = sweep;
        return rest;
      }
      const n = wholeNumber(change.value);
      return typeof n === 'string' ? n : { ...sweep, trials: n };
    }
    case 'seed': {
      const n = wholeNumber(change.value);
      return typeof n === 'string' ? n : { ...sweep, seed: n };
    }
    case 'medianStop': {
      if (!change.value) {
        const { medianStop: _off, ...rest } = sweep;
        return rest;
      }
      return sweep.medianStop
        ? sweep
        : { ...sweep, medianStop: { step: DEFAULT_MEDIAN_STEP, minTrials: 4 } };
    }
    case 'medianStep': {
      if (!sweep.medianStop) return 'the median rule is off';
      const n = wholeNumber(change.value);
      return typeof n === 'string' ? n : { ...sweep, medianStop: { ...sweep.medianStop, step: n } };
    }
  }
}

/** The sweep after one field's change, checked against the schema and the graph's rules. */
export function changeSweep(
  graph: GraphDocument,
  change: SweepSettingsChange,
): SweepSettingsResult {
  const label = LABELS[change.field];
  if (!graph.sweep) return { ok: false, message: 'the graph has no sweep' };
  const next = candidate(graph.sweep, change);
  if (typeof next === 'string') return { ok: false, message: `${label}: ${next}` };
  const parsed = SweepSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${label}: ${issue.message}` };
  }
  // Only what this change breaks: a problem the sweep already had is not this field's.
  const ofSweep = (g: GraphDocument) =>
    validateGraph(g).filter((p) => p.path === 'sweep' || p.path.startsWith('sweep.'));
  const before = new Set(ofSweep(graph).map((p) => `${p.path}: ${p.message}`));
  const problem = ofSweep({ ...graph, sweep: parsed.data }).find(
    (p) => !before.has(`${p.path}: ${p.message}`),
  );
  if (problem) return { ok: false, message: `${label}: ${problem.path}: ${problem.message}` };
  return { ok: true, sweep: parsed.data };
}
