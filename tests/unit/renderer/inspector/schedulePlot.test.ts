/** The schedule preview is a line: stroked, never filled (SVG fills a polyline black by default). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SchedulePlot } from '../../../../src-renderer/inspector/SchedulePlot';

describe('schedule plot', () => {
  it('draws the learning rate as an unfilled, stroked polyline through every value', () => {
    const lrs = [0.1, 0.05, 0.025, 0.0125];
    const html = renderToStaticMarkup(
      createElement(SchedulePlot, { preview: { lrs, baseLr: 0.1 }, interval: 'epoch' }),
    );
    const polyline = html.match(/<polyline[^>]*>/)?.[0] ?? '';
    expect(polyline).toContain('fill="none"');
    expect(polyline).toMatch(/stroke="#[0-9a-f]{6}"/);
    const points = polyline.match(/points="([^"]*)"/)![1]!.split(' ');
    expect(points).toHaveLength(4);
    // Decreasing lr: each point lower on screen (larger y) than the one before.
    const ys = points.map((p) => Number(p.split(',')[1]));
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]!);
  });
});
