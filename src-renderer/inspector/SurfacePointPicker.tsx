/**
 * A 2D point picker for a surface's start: the surface's contours as background, its minima
 * marked, and the point, set by clicking or dragging (one undo step per drag) or by the arrow
 * keys (Shift: ten times further).
 */
import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { SURFACES, type SurfaceName, surfaceValue } from '../../src-shared/engine/models/surfaces';
import {
  arrowStep,
  contourBands,
  fromPicker,
  pickerBox,
  roundForSpan,
  toPicker,
  type ViewBox,
} from './pointPicker';

const GRID = 72;
const BANDS = 12;

/** Dark (low) to bright (high), like the landscape viewer's default map. */
function bandColor(band: number): [number, number, number] {
  const t = band / (BANDS - 1);
  return [
    Math.round(20 + 200 * t ** 1.4),
    Math.round(40 + 150 * t),
    Math.round(90 + 60 * Math.sin(Math.PI * t)),
  ];
}

function drawContours(canvas: HTMLCanvasElement, fn: SurfaceName, box: ViewBox): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const values: number[] = [];
  for (let row = 0; row < GRID; row += 1) {
    for (let col = 0; col < GRID; col += 1) {
      const [x, y] = fromPicker(box, (col + 0.5) / GRID, (row + 0.5) / GRID);
      values.push(surfaceValue(fn, x, y));
    }
  }
  const bands = contourBands(values, BANDS);
  const image = context.createImageData(GRID, GRID);
  bands.forEach((band, i) => {
    const [r, g, b] = bandColor(band);
    image.data.set([r, g, b, 255], i * 4);
  });
  context.putImageData(image, 0, 0);
}

export function SurfacePointPicker(props: {
  fn: string;
  value: readonly [number, number];
  label: string;
  onPick(point: [number, number], coalesce: string): void;
}) {
  const fn = (props.fn in SURFACES ? props.fn : 'quadratic') as SurfaceName;
  const spec = SURFACES[fn];
  const [px, py] = props.value;
  const box = useMemo(() => pickerBox(spec.view, [px, py]), [spec, px, py]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const session = useRef(0);
  const span = Math.max(box.x[1] - box.x[0], box.y[1] - box.y[0]);

  useEffect(() => {
    if (canvas.current) drawContours(canvas.current, fn, box);
  }, [fn, box]);

  const pick = (event: PointerEvent<HTMLDivElement>): void => {
    const bounds = event.currentTarget.getBoundingClientRect();
    const [x, y] = fromPicker(
      box,
      (event.clientX - bounds.left) / bounds.width,
      (event.clientY - bounds.top) / bounds.height,
    );
    props.onPick([roundForSpan(x, span), roundForSpan(y, span)], `pick.${session.current}`);
  };

  const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = arrowStep(span) * (event.shiftKey ? 10 : 1);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next: [number, number] = [
      roundForSpan(px + move[0], span),
      roundForSpan(py + move[1], span),
    ];
    props.onPick(next, 'keys');
  };

  const [u, v] = toPicker(box, px, py);
  const fmt = (value: number) => roundForSpan(value, span);
  return (
    <>
      <div
        className="point-picker"
        role="slider"
        tabIndex={0}
        aria-label={props.label}
        aria-valuenow={px}
        aria-valuetext={`x ${px}, y ${py}`}
        aria-roledescription="2D point picker"
        title="Click or drag to place the start; arrow keys nudge it"
        data-testid="point-picker"
        style={{ aspectRatio: `${box.x[1] - box.x[0]} / ${box.y[1] - box.y[0]}` }}
        onPointerDown={(event) => {
          session.current += 1;
          event.currentTarget.setPointerCapture(event.pointerId);
          pick(event);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) pick(event);
        }}
        onKeyDown={onKey}
      >
        <canvas ref={canvas} width={GRID} height={GRID} className="point-picker-canvas" />
        <svg
          className="point-picker-marks"
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          {spec.minima.map((minimum) => {
            const [mu, mv] = toPicker(box, minimum.x, minimum.y);
            return (
              <g key={`${minimum.x},${minimum.y}`} className="point-picker-minimum">
                <line x1={mu * 100 - 2} y1={mv * 100 - 2} x2={mu * 100 + 2} y2={mv * 100 + 2} />
                <line x1={mu * 100 - 2} y1={mv * 100 + 2} x2={mu * 100 + 2} y2={mv * 100 - 2} />
              </g>
            );
          })}
          <line className="point-picker-cross" x1={u * 100} y1={0} x2={u * 100} y2={100} />
          <line className="point-picker-cross" x1={0} y1={v * 100} x2={100} y2={v * 100} />
        </svg>
        <span className="point-picker-dot" style={{ left: `${u * 100}%`, top: `${v * 100}%` }} />
      </div>
      <p className="point-picker-range">
        {spec.label}: x {fmt(box.x[0])} to {fmt(box.x[1])}, y {fmt(box.y[0])} to {fmt(box.y[1])}
        {spec.minima.length > 0 ? ' · × minimum' : ''}
      </p>
    </>
  );
}
