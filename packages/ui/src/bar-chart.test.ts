import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart, barTicks } from './bar-chart.tsx';
import { CoilMap, severityColor } from './coil-map.tsx';
import { CoilProfileChart } from './coil-map-profile.tsx';
import { ParetoChart } from './pareto-chart.tsx';

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('BarChart', () => {
  it('stacks series per category with a titled rect each, and says when there is nothing', () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        series: [
          { key: 'open', label: 'Open', color: '#e8590c' },
          { key: 'done', label: 'Done', color: '#1f6feb' },
        ],
        data: [
          { key: 'a', label: '< 7 d', values: { open: 2, done: 1 } },
          { key: 'b', label: '7–30 d', values: { open: 0, done: 3 } },
        ],
        formatValue: (v) => String(v),
        reference: { value: 2, label: 'Target' },
        labels: { chart: 'Ageing', noData: 'Nothing' },
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('<title');
    expect(count(html, /<rect x=/g)).toBe(3); // zero-height segment left out
    expect(html).toContain('&lt; 7 d · Open: 2');
    expect(html).toContain('Target');
    const empty = renderToStaticMarkup(
      createElement(BarChart, {
        series: [],
        data: [],
        formatValue: String,
        labels: { chart: 'c', noData: 'Nothing' },
      }),
    );
    expect(empty).toContain('Nothing');
    expect(barTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(barTicks(3)).toEqual([0, 1, 2, 3]);
    expect(barTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(barTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(barTicks(130)).toEqual([0, 50, 100, 150]);
  });
});

describe('ParetoChart', () => {
  it('draws a bar per cause and the cumulative line through a point per bar', () => {
    const html = renderToStaticMarkup(
      createElement(ParetoChart, {
        bars: [
          { key: 's', label: 'Scratch', count: 5, cumulativeShare: 0.5 },
          { key: 'd', label: 'Dent', count: 5, cumulativeShare: 1 },
        ],
        labels: { chart: 'Pareto', noData: 'none', cumulative: 'Cumulative %', count: 'Count' },
      }),
    );
    expect(count(html, /<circle/g)).toBe(2);
    expect(html).toContain('Scratch: 5 (Cumulative % 50%)');
    expect(html).toMatch(/<path d="M[\d.]+,[\d.]+ L[\d.]+,[\d.]+"/);
  });
});

describe('CoilProfileChart and CoilMap', () => {
  it('draws the tolerance band and a min–max rect per bin', () => {
    const html = renderToStaticMarkup(
      createElement(CoilProfileChart, {
        bins: [
          { fromM: 0, toM: 10, min: -0.01, max: 0.02, avg: 0 },
          { fromM: 10, toM: 20, min: 0, max: 0.04, avg: 0.02 },
        ],
        lengthM: 20,
        band: { lower: -0.03, upper: 0.03 },
        formatValue: (v) => v.toFixed(3),
        labels: { chart: 'Profile', noData: 'none', length: 'm', tolerance: 'Tolerance' },
      }),
    );
    expect(html).toContain('Tolerance: -0.030 … 0.030');
    expect(html).toContain('10–20 m: 0.000 … 0.040');
  });

  it('places defects head to tail, coloured and sized by severity', () => {
    const html = renderToStaticMarkup(
      createElement(CoilMap, {
        lengthM: 1000,
        widthMm: 1000,
        defects: [
          { key: '1', positionM: 0, crossPositionMm: 500, severity: 3, label: 'Dent, 0 m' },
          { key: '2', positionM: 1000, crossPositionMm: null, severity: 1, label: 'Scratch, 1000 m' },
        ],
        labels: { chart: 'Defects', noData: 'none', head: 'Head', tail: 'Tail' },
        width: 140,
        height: 56,
      }),
    );
    // Plot 40..100 across, 8..48 down: head at x 40, tail at x 100, both on the centre line y 28.
    expect(html).toContain(`<circle cx="40" cy="28" r="6" fill="${severityColor(3)}"`);
    expect(html).toContain(`<circle cx="100" cy="28" r="4" fill="${severityColor(1)}"`);
    expect(html).toContain('Dent, 0 m');
  });
});
