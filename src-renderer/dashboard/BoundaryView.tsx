/**
 * The decision boundary of a 2D classifier: its class probabilities as a heatmap over the
 * data, with the training points (filled) and validation points (ringed) on top.
 */
import { useEffect, useRef } from 'react';
import type { BoundaryMessage } from '../../src-shared/protocol/engine';
import { boundaryPixels, classColor } from './boundaryImage';

function drawPoints(
  ctx: CanvasRenderingContext2D,
  b: BoundaryMessage,
  set: BoundaryMessage['train'],
  size: number,
  ring: boolean,
) {
  const { x0, x1, y0, y1 } = b.extent;
  for (let i = 0; i < set.label.length; i++) {
    const px = ((set.x[2 * i]! - x0) / (x1 - x0)) * size;
    const py = (1 - (set.x[2 * i + 1]! - y0) / (y1 - y0)) * size;
    const [r, g, bl] = classColor(set.label[i]!);
    ctx.beginPath();
    ctx.arc(px, py, ring ? 3.2 : 2.8, 0, Math.PI * 2);
    if (ring) {
      ctx.strokeStyle = `rgb(${r},${g},${bl})`;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    } else {
      ctx.fillStyle = `rgb(${r},${g},${bl})`;
      ctx.fill();
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.lineWidth = 0.8;
      ctx.stroke();
    }
  }
}

export function BoundaryView({
  boundary,
  runName,
}: {
  boundary: BoundaryMessage | null;
  runName: string | null;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !boundary) return;
    const size = el.width;
    const { resolution, classes, probs } = boundary;
    const cells = new OffscreenCanvas(resolution, resolution);
    cells
      .getContext('2d')!
      .putImageData(
        new ImageData(
          boundaryPixels(probs, resolution, classes) as Uint8ClampedArray<ArrayBuffer>,
          resolution,
          resolution,
        ),
        0,
        0,
      );
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(cells, 0, 0, size, size);
    drawPoints(ctx, boundary, boundary.train, size, false);
    drawPoints(ctx, boundary, boundary.val, size, true);
  }, [boundary]);

  if (!boundary) return null;
  return (
    <figure className="boundary-view" data-testid="decision-boundary" data-step={boundary.step}>
      <figcaption className="metric-chart-head">
        <span className="metric-chart-title">Decision boundary</span>
        <span className="boundary-meta">
          {runName ?? boundary.run} · step {boundary.step}
        </span>
      </figcaption>
      <canvas ref={canvas} width={240} height={240} className="boundary-canvas" />
      <p className="boundary-legend">● train ○ validation</p>
    </figure>
  );
}
