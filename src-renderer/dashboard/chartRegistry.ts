/**
 * What each chart last drew, by metric: the test hook reads numbers from here (not pixels),
 * and PNG export finds the chart's canvas here.
 */
import type { ChartData } from './chartData';

export interface DrawnChart {
  readonly metric: string;
  readonly title: string;
  data: ChartData;
  canvas: HTMLCanvasElement | null;
}

export const drawnCharts = new Map<string, DrawnChart>();
