import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  ControlChart,
  controlChartDomain,
  rulesByPoint,
  type TControlChartLabels,
} from './control-chart.tsx';

const labels: TControlChartLabels = {
  chart: 'X̄ chart',
  center: 'CL',
  ucl: 'UCL',
  lcl: 'LCL',
  phaseTwo: 'Phase II',
  noData: 'Nothing yet',
  point: (n, value, label, rules) =>
    `Point ${n}: ${value}${label ? ` (${label})` : ''}${rules.length ? `, violates: ${rules.join('; ')}` : ''}`,
  ruleName: (rule) => (rule === 'WE1' ? 'beyond a control limit' : rule),
};

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('ControlChart', () => {
  const points = [0, 1, 2, 3, 4].map((index) => ({
    index,
    value: index === 3 ? 14 : 10 + (index % 2),
    center: 10,
    ucl: 13,
    lcl: 7,
    excluded: index === 1,
    label: `QI-${index + 1}`,
  }));

  it('draws every point, marks rule hits in red with the rule named, and the phase II divider', () => {
    const html = renderToStaticMarkup(
      createElement(ControlChart, {
        points,
        hits: [{ rule: 'WE1', indices: [3] }],
        labels,
        phaseTwoStart: 3,
        format: (v: number) => v.toFixed(1),
        width: 600,
      }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="X̄ chart"');
    expect(count(html, /data-testid="control-point"/g)).toBe(4);
    expect(count(html, /data-testid="control-point-hit"/g)).toBe(1);
    expect(html).toContain('data-rules="WE1"');
    expect(html).toContain('Point 4: 14.0 (QI-4), violates: beyond a control limit');
    expect(html).toContain('data-testid="phase-divider"');
    expect(html).toContain('UCL 13.0');
    expect(html).toContain('LCL 7.0');
    expect(html).toContain('CL 10.0');
    // the legend lists the rule with its 1-based point numbers
    expect(html).toContain('<strong>WE1</strong> beyond a control limit: 4');
    // the excluded point is hollow
    expect(html).toContain('fill="#fff"');
  });

  it('says when there is nothing to draw', () => {
    const html = renderToStaticMarkup(
      createElement(ControlChart, { points: [], hits: [], labels, format: String, width: 600 }),
    );
    expect(html).toContain('Nothing yet');
    expect(html).not.toContain('<svg');
  });
});

describe('control chart helpers', () => {
  it('groups rule hits by point', () => {
    const map = rulesByPoint([
      { rule: 'WE1', indices: [3, 5] },
      { rule: 'WE2', indices: [5] },
    ]);
    expect(map.get(5)).toEqual(['WE1', 'WE2']);
    expect(map.get(3)).toEqual(['WE1']);
    expect(map.has(4)).toBe(false);
  });

  it('shows points and limits with headroom', () => {
    const [lo, hi] = controlChartDomain([
      { index: 0, value: 10, center: 10, ucl: 13, lcl: 7 },
      { index: 1, value: 14, center: 10, ucl: 13, lcl: 7 },
    ]);
    expect(lo).toBeLessThan(7);
    expect(hi).toBeGreaterThan(14);
  });
});
