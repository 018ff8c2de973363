/** A sweep's results as files: CSV (one row per trial) and JSON; the app exports the same. */
import type { TrialSummary } from '../protocol/sweep';
import { bestTrial } from './runSweep';

const COLUMNS = [
  'status',
  'steps',
  'finalLoss',
  'bestLoss',
  'valLoss',
  'valAccuracy',
  'timeMs',
] as const;

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** `trial,<axis keys…>,status,…,reason`, trials in order. */
export function sweepResultsToCsv(
  axisKeys: readonly string[],
  trials: readonly TrialSummary[],
): string {
  const header = ['trial', ...axisKeys, ...COLUMNS, 'reason'];
  const rows = [...trials]
    .sort((a, b) => a.trial - b.trial)
    .map((t) =>
      [
        t.trial,
        ...axisKeys.map((key) => t.params[key]),
        ...COLUMNS.map((c) => (c === 'timeMs' ? Math.round(t.timeMs) : t[c])),
        t.reason,
      ]
        .map(cell)
        .join(','),
    );
  return `${[header.map(cell).join(','), ...rows].join('\n')}\n`;
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
