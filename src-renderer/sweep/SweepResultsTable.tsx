/** The sweep's results as a table: sortable by any column; clicking a row selects its trial. */
import { useState } from 'react';
import { formatShort } from '../../src-shared/graph';
import type { TrialSummary } from '../../src-shared/protocol/sweep';

type SortKey = 'trial' | 'finalLoss' | 'bestLoss' | 'valAccuracy' | 'status' | 'timeMs' | string;

const show = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : formatShort(v);

function sortValue(t: TrialSummary, key: SortKey): number | string {
  if (key in t.params) return t.params[key]!;
  const v = (t as unknown as Record<string, unknown>)[key];
  if (typeof v === 'number' || typeof v === 'string') return v;
  return Number.POSITIVE_INFINITY;
}

export function SweepResultsTable(props: {
  /** The axes' keys (`node.param`), one column each. */
  keys: readonly string[];
  trials: readonly TrialSummary[];
  best: number | null;
  selected: number | null;
  onSelect: (trial: number) => void;
}) {
  const { keys, trials, best, selected, onSelect } = props;
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: 'trial', up: true });
  if (trials.length === 0) return null;
  const rows = [...trials].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return sort.up ? order : -order;
  });
  const header = (key: SortKey, label: string) => (
    <th
      aria-sort={sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}
      onClick={() => setSort((s) => ({ key, up: s.key === key ? !s.up : true }))}
    >
      {label}
    </th>
  );
  return (
    <section
      className="sweep-table-wrap"
      aria-label="Sweep results"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled table must be reachable from the keyboard (axe: scrollable-region-focusable)
      tabIndex={0}
    >
      <table className="sweep-table">
        <thead>
          <tr>
            {header('trial', '#')}
            {keys.map((k) => header(k, k))}
            {header('finalLoss', 'final loss')}
            {header('bestLoss', 'best loss')}
            {header('valAccuracy', 'val acc')}
            {header('status', 'status')}
            {header('timeMs', 'time')}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr
              key={t.trial}
              data-trial={t.trial}
              className={`${t.trial === best ? 'best' : ''} ${t.trial === selected ? 'selected' : ''}`}
              onClick={() => onSelect(t.trial)}
            >
              <td>{t.trial}</td>
              {keys.map((k) => (
                <td key={k}>{show(t.params[k])}</td>
              ))}
              <td>{show(t.finalLoss)}</td>
              <td>{show(t.bestLoss)}</td>
              <td>{show(t.valAccuracy)}</td>
              <td title={t.reason}>{t.status}</td>
              <td>{`${(t.timeMs / 1000).toFixed(1)} s`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
