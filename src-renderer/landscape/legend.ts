/** The legend drawn over recorded frames and snapshots: title, colorbar with values, runs, step. */
import { type ColormapName, colormap } from './colormap';
import { type HeightScale, scaleTicks } from './heightScale';

export interface LegendContent {
  readonly title: string;
  readonly colormap: ColormapName;
  readonly scale: HeightScale;
  readonly runs: readonly { label: string; color: string }[];
}

export function drawLegend(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  step: number,
  legend: LegendContent,
): void {
  const u = height / 720;
  ctx.save();
  ctx.font = `600 ${Math.round(22 * u)}px system-ui, sans-serif`;
  ctx.fillStyle = '#ffffff';
  ctx.shadowColor = 'rgba(0,0,0,0.8)';
  ctx.shadowBlur = 6 * u;
  ctx.textBaseline = 'top';
  ctx.fillText(legend.title, 24 * u, 20 * u);
  ctx.font = `${Math.round(16 * u)}px system-ui, sans-serif`;
  ctx.fillStyle = '#c9d1de';
  ctx.fillText(`step ${Math.round(step)}`, 24 * u, 50 * u);
  legend.runs.forEach((run, k) => {
    const y = 84 * u + k * 24 * u;
    ctx.fillStyle = run.color;
    ctx.fillRect(24 * u, y + 4 * u, 22 * u, 6 * u);
    ctx.fillStyle = '#e3e8f0';
    ctx.fillText(run.label, 54 * u, y - 2 * u);
  });
  // Colorbar on the right.
  ctx.shadowBlur = 0;
  const barW = 16 * u;
  const barH = height * 0.5;
  const x = width - 90 * u;
  const y0 = (height - barH) / 2;
  for (let p = 0; p < barH; p++) {
    const [r, g, b] = colormap(legend.colormap, 1 - p / barH);
    ctx.fillStyle = `rgb(${r * 255}, ${g * 255}, ${b * 255})`;
    ctx.fillRect(x, y0 + p, barW, 1.5);
  }
  ctx.strokeStyle = 'rgba(255,255,255,0.5)';
  ctx.strokeRect(x, y0, barW, barH);
  ctx.fillStyle = '#e3e8f0';
  ctx.textBaseline = 'middle';
  ctx.font = `${Math.round(13 * u)}px system-ui, sans-serif`;
  for (const t of scaleTicks(legend.scale, 5)) {
    ctx.fillText(t.label, x + barW + 6 * u, y0 + (1 - t.h) * barH);
  }
  ctx.textBaseline = 'bottom';
  ctx.fillText(legend.scale.mode === 'log' ? 'loss (log)' : 'loss', x - 4 * u, y0 - 8 * u);
  ctx.restore();
}
