/** The selected runs' metrics as one long CSV table: a row per run, metric and point. */
import type { MetricName } from '../../src-shared/protocol/events';
import type { RunRecord } from '../engine/runStore';

export const CSV_HEADER = 'run,metric,step,epoch,time_s,value';

function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function number(value: number | null): string {
  return value === null ? '' : String(value);
}

export function runsToCsv(runs: readonly RunRecord[]): string {
  const lines = [CSV_HEADER];
  for (const run of runs) {
    for (const [metric, s] of Object.entries(run.series) as [
      MetricName,
      RunRecord['series'][MetricName],
    ][]) {
      if (!s) continue;
      for (let i = 0; i < s.step.length; i++) {
        lines.push(
          [
            field(run.name),
            metric,
            s.step[i],
            number(s.epoch[i]!),
            number(s.time[i]!),
            number(s.value[i]!),
          ].join(','),
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
