/** A small plot of a schedule's learning rate over the run, in the inspector. */
import { formatShort } from '../../src-shared/graph';
import type { SchedulePreview } from './schedulePreview';

const WIDTH = 240;
const HEIGHT = 90;
const PAD = 4;

export function SchedulePlot({
  preview,
  interval,
}: {
  preview: SchedulePreview;
  interval: string;
}) {
  const { lrs } = preview;
  const high = Math.max(...lrs);
  const low = Math.min(0, ...lrs);
  const span = high - low || 1;
  const x = (i: number) => PAD + (i / Math.max(1, lrs.length - 1)) * (WIDTH - 2 * PAD);
  const y = (lr: number) => HEIGHT - PAD - ((lr - low) / span) * (HEIGHT - 2 * PAD);
  const points = lrs.map((lr, i) => `${x(i).toFixed(1)},${y(lr).toFixed(1)}`).join(' ');
  return (
    <section className="schedule-plot" aria-label="Learning rate over the run">
      <h4>Learning rate</h4>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`lr from ${formatShort(lrs[0] ?? 0)} to ${formatShort(lrs.at(-1) ?? 0)} over ${lrs.length} ${interval}s`}
        data-testid="schedule-plot"
      >
        {/* Stroke and no fill on the elements: an SVG polyline is filled black by default. */}
        <line
          x1={PAD}
          x2={WIDTH - PAD}
          y1={y(0)}
          y2={y(0)}
          className="plot-axis"
          stroke="#5a6376"
          strokeWidth={1}
        />
        <polyline
          points={points}
          className="plot-line"
          fill="none"
          stroke="#56b4e9"
          strokeWidth={1.5}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <p className="plot-caption">
        max {formatShort(high)} · {lrs.length} {interval}s · base lr {formatShort(preview.baseLr)}
      </p>
    </section>
  );
}
