/** A sweep's results as files: CSV (one row per trial) and JSON; the app exports the same. */
import Papa from 'papaparse';
import type { TrialSummary } from '../protocol/sweep';
import { bestTrial } from './run-sweep';

const COLUMNS = [
  'status',
  'steps',
  'finalLoss',
  'bestLoss',
  'valLoss',
  'valAccuracy',
  'timeMs',
] as const;

/** `trial,<axis keys…>,status,…,reason`, trials in order (papaparse quotes what needs it). */
export function sweepResultsToCsv(
  axisKeys: readonly string[],
  trials: readonly TrialSummary[],
): string {
  const fields = ['trial', ...axisKeys, ...COLUMNS, 'reason'];
  const data = [...trials]
    .sort((a, b) => a.trial - b.trial)
    .map((t) => [
      t.trial,
      ...axisKeys.map((key) => t.params[key]),
      ...COLUMNS.map((c) => (c === 'timeMs' ? Math.round(t.timeMs) : t[c])),
      t.reason,
    ]);
  return `${Papa.unparse({ fields, data }, { newline: '\n' })}\n`;
}

export interface SweepResultsFile {
  readonly format: 'gradient-atlas/sweep-results';
  readonly version: 1;
  readonly graph: string;
  readonly axes: readonly string[];
  readonly best: TrialSummary | null;
  readonly trials: readonly TrialSummary[];
}

export function sweepResultsToJson(
  graphName: string,
  axisKeys: readonly string[],
  trials: readonly TrialSummary[],
): string {
  const sorted = [...trials].sort((a, b) => a.trial - b.trial);
  const file: SweepResultsFile = {
    format: 'gradient-atlas/sweep-results',
    version: 1,
    graph: graphName,
    axes: axisKeys,
    best: bestTrial(sorted),
    trials: sorted,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
