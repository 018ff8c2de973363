/**
 * One metric as a uPlot line chart: a line per visible run in its colour (a faint raw line
 * under the smoothed one when smoothing), param changes marked on the x axis, hover readout
 * of every run, drag to zoom (double-click resets). Redraws at most every REDRAW_MS. On a step
 * axis, hovering sets the shared cursor step (the landscape viewer follows it), and the
 * viewer's step is drawn as a cursor line.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricName } from '../../src-shared/protocol/events';
import { cursorStep } from '../engine/cursorStep';
import type { RunRecord } from '../engine/runStore';
import { linearRange, linearSplits, logRange, logSplits } from './chartAxes';
import { type ChartData, type ChartOptions, chartData } from './chartData';
import { drawnCharts } from './chartRegistry';
import { stackLabels } from './markLayout';
import { X_LABELS } from './metrics';

const REDRAW_MS = 100;
const AXIS = {
  stroke: '#8b94a5',
  grid: { stroke: 'rgba(139,148,165,0.12)', width: 1 },
  ticks: { show: false },
};

function formatValue(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return Number(v.toPrecision(3)).toExponential();
  return Number(v.toPrecision(4)).toString();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The last non-null value at or before idx (series with sparse points, e.g. eval). */
function valueNear(ys: readonly (number | null)[], idx: number): number | null {
  for (let i = idx; i >= 0 && i > idx - 10_000; i--) if (ys[i] != null) return ys[i]!;
  return null;
}

/** What uPlot draws: the values, or their log10 on a log chart (labelled back as 10^t). */
function plotted(data: ChartData): uPlot.AlignedData {
  if (!data.logY) return [data.x, ...data.ys];
  return [
    data.x,
    ...data.ys.map((ys) => ys.map((v) => (v !== null && v > 0 ? Math.log10(v) : null))),
  ];
}

/** The exponent range of a log chart: whole decades around the data, never empty. */
function exponentRange(min: number | null, max: number | null): [number, number] {
  const [lo, hi] = logRange(min === null ? null : 10 ** min, max === null ? null : 10 ** max);
  return [Math.log10(lo), Math.log10(hi)];
}

function makeOptions(
  data: ChartData,
  /** What is drawn now (hooks read it: data changes without rebuilding the plot). */
  drawn: { current: ChartData },
  options: ChartOptions,
  size: { width: number; height: number },
  readout: HTMLDivElement,
  onZoom: () => void,
): uPlot.Options {
  return {
    ...size,
    legend: { show: false },
    cursor: { drag: { x: true, y: false }, points: { size: 5 } },
    scales: {
      x: { time: false },
      // Log charts plot log10(y) on a linear scale (see plotted()): uPlot leaves an axis
      // unlabelled past ~17 integer digits, which a diverging run reaches at once.
      y: data.logY
        ? { range: (_u, min, max) => exponentRange(min, max) }
        : { range: (_u, min, max) => linearRange(min, max) },
    },
    axes: [
      {
        ...AXIS,
        label: X_LABELS[options.xAxis],
        labelSize: 16,
        size: 30,
        font: '11px system-ui',
        labelFont: '11px system-ui',
      },
      {
        ...AXIS,
        size: 56,
        splits: (_u, _axis, min, max) =>
          data.logY ? logSplits(10 ** min, 10 ** max).map(Math.log10) : linearSplits(min, max),
        font: '11px system-ui',
        values: (_u, ticks) => ticks.map((t) => formatValue(data.logY ? 10 ** t : t)),
      },
    ],
    series: [
      {},
      ...data.lines.map((line) => ({
        label: line.name,
        stroke: line.raw ? `${line.color}40` : line.color,
        width: line.raw ? 1 : 1.6,
        spanGaps: true,
        points: { show: false },
      })),
    ],
    hooks: {
      setSelect: [
        (u) => {
          if (u.select.width > 0) onZoom();
        },
      ],
      setCursor: [
        (u) => {
          const idx = u.cursor.idx;
          const current = u.data;
          if (idx == null || !current[0] || idx >= current[0].length) {
            readout.innerHTML = '';
            cursorStep.release('chart');
            return;
          }
          if (options.xAxis === 'step') cursorStep.set(current[0][idx]!, 'chart');
          const parts = [`<b>${X_LABELS[options.xAxis]} ${formatValue(current[0][idx]!)}</b>`];
          data.lines.forEach((line, i) => {
            if (line.raw) return;
            const near = valueNear(current[i + 1] as (number | null)[], idx);
            const v = near !== null && drawn.current.logY ? 10 ** near : near;
            if (v === null) return;
            parts.push(
              `<span style="color:${line.color}">●</span> ${escapeHtml(line.name)} ${formatValue(v)}`,
            );
          });
          readout.innerHTML = parts.join('<span class="readout-sep"></span>');
        },
      ],
      draw: [
        (u) => {
          const ctx = u.ctx;
          const { top, height } = u.bbox;
          ctx.save();
          ctx.setLineDash([4, 3]);
          ctx.lineWidth = window.devicePixelRatio || 1;
          ctx.font = `${10 * (window.devicePixelRatio || 1)}px system-ui`;
          const dpr = window.devicePixelRatio || 1;
          const shown = drawn.current.marks
            .map((mark) => ({ mark, x: u.valToPos(mark.x, 'x', true) }))
            .filter(({ x }) => x >= u.bbox.left && x <= u.bbox.left + u.bbox.width);
          // Labels that would overlap go one row lower.
          const rows = stackLabels(
            shown.map(({ mark, x }) => ({
              x: x + 4 * dpr,
              width: ctx.measureText(mark.label).width,
            })),
          );
          shown.forEach(({ mark, x }, i) => {
            ctx.strokeStyle = mark.color;
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
            ctx.fillStyle = mark.color;
            ctx.fillText(mark.label, x + 4 * dpr, top + (12 + 12 * rows[i]!) * dpr);
          });
          const cursor = cursorStep.getSnapshot();
          if (options.xAxis === 'step' && cursor.source === 'viewer' && cursor.step !== null) {
            const x = u.valToPos(cursor.step, 'x', true);
            if (x >= u.bbox.left && x <= u.bbox.left + u.bbox.width) {
              ctx.setLineDash([]);
              ctx.strokeStyle = 'rgba(255,255,255,0.7)';
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, top + height);
              ctx.stroke();
            }
          }
          ctx.restore();
        },
      ],
    },
  };
}

export function MetricChart(props: {
  metric: MetricName;
  title: string;
  runs: readonly RunRecord[];
  version: number;
  options: ChartOptions;
  /** Why the chart is drawn other than asked (log y with values ≤ 0), or null; on change. */
  onNote?: (note: string | null) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = useRef('');
  const zoomed = useRef(false);
  const drawn = useRef<ChartData>({
    x: [],
    ys: [],
    lines: [],
    marks: [],
    logY: false,
    note: null,
    clampedAt: null,
  });
  // Undefined until the first draw: a remounted chart reports its note even when it is null.
  const lastNote = useRef<string | null | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastDraw = useRef(0);

  // Draws from the latest props; rebuilds the plot only when its lines or scales change.
  const draw = useRef(() => {
    timer.current = null;
    lastDraw.current = performance.now();
    const { runs, metric, options, title, onNote } = latest.current;
    const el = host.current;
    if (!el || !readout.current) return;
    const data = chartData(runs, metric, options);
    const aligned = plotted(data);
    if (data.note !== lastNote.current) {
      lastNote.current = data.note;
      onNote?.(data.note);
    }
    const nextShape = JSON.stringify([data.lines, data.logY, options.xAxis]);
    const size = { width: Math.max(120, el.clientWidth), height: Math.max(80, el.clientHeight) };
    if (!plot.current || nextShape !== shape.current) {
      plot.current?.destroy();
      zoomed.current = false;
      drawn.current = data;
      plot.current = new uPlot(
        makeOptions(data, drawn, options, size, readout.current, () => {
          zoomed.current = true;
        }),
        aligned,
        el,
      );
      shape.current = nextShape;
    } else {
      const u = plot.current;
      drawn.current = data;
      u.setData(aligned, !zoomed.current);
    }
    drawnCharts.set(metric, { metric, title, data, canvas: el.querySelector('canvas') });
  });

  useEffect(() => {
    const wait = REDRAW_MS - (performance.now() - lastDraw.current);
    if (timer.current !== null) return;
    if (wait <= 0) draw.current();
    else timer.current = setTimeout(() => draw.current(), wait);
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const resize = new ResizeObserver(() => {
      plot.current?.setSize({
        width: Math.max(120, el.clientWidth),
        height: Math.max(80, el.clientHeight),
      });
    });
    resize.observe(el);
    // The viewer's step moved (or went away): draw the cursor line again.
    let viewerCursor = false;
    const unsubscribeCursor = cursorStep.subscribe(() => {
      const fromViewer = cursorStep.getSnapshot().source === 'viewer';
      if (fromViewer || viewerCursor) plot.current?.redraw(false);
      viewerCursor = fromViewer;
    });
    const reset = () => {
      zoomed.current = false;
    };
    el.addEventListener('dblclick', reset);
    const metric = latest.current.metric;
    return () => {
      resize.disconnect();
      unsubscribeCursor();
      el.removeEventListener('dblclick', reset);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      plot.current?.destroy();
      plot.current = null;
      shape.current = '';
      drawnCharts.delete(metric);
    };
  }, []);

  return (
    <figure className="metric-chart" data-testid="metric-chart" data-metric={props.metric}>
      <figcaption className="metric-chart-head">
        <span className="metric-chart-title">{props.title}</span>
        <div className="metric-chart-readout" ref={readout} />
      </figcaption>
      <div className="metric-chart-plot" ref={host} />
    </figure>
  );
}
