/** Saving what the dashboard shows: the selected runs' metrics as CSV, a chart as PNG. */
import { bridge } from '../bridge';
import type { RunRecord } from '../engine/runStore';
import type { DrawnChart } from './chartRegistry';
import { runsToCsv } from './csv';

export async function exportRunsCsv(runs: readonly RunRecord[]): Promise<string | null> {
  const data = new TextEncoder().encode(runsToCsv(runs));
  const name = runs.length === 1 ? runs[0]!.name : `${runs.length}-runs`;
  return bridge.exportFile({
    suggestedName: `${name.replace(/[^\w.-]+/g, '_')}-metrics.csv`,
    mimeType: 'text/csv',
    data,
  });
}

/** The chart on an opaque background with its title, as the PNG a slide or paper wants. */
export async function exportChartPng(chart: DrawnChart): Promise<string | null> {
  const source = chart.canvas;
  if (!source) return null;
  const scale = source.width / Math.max(1, source.clientWidth || source.width);
  const titleHeight = Math.round(24 * scale);
  const out = document.createElement('canvas');
  out.width = source.width;
  out.height = source.height + titleHeight;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#15181e';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#d9dee7';
  ctx.font = `${Math.round(13 * scale)}px system-ui, sans-serif`;
  ctx.fillText(chart.title, Math.round(10 * scale), Math.round(17 * scale));
  ctx.drawImage(source, 0, titleHeight);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (!blob) return null;
  return bridge.exportFile({
    suggestedName: `${chart.metric}.png`,
    mimeType: 'image/png',
    data: new Uint8Array(await blob.arrayBuffer()),
  });
}
