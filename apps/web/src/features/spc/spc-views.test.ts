import type { AppRouter } from '@ingot/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { type ComponentProps, createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n-provider.tsx';
import { TRPCProvider } from '../../trpc/react.tsx';
import { SpcChartListView } from './spc-chart-list-view.tsx';
import { SpcChartView } from './spc-chart-view.tsx';

/**
 * The SPC pages rendered on the server with answers put into the query cache (as the KPI page's test does): a first
 * render registers the queries, their data is set by procedure, the second render shows it. No request leaves.
 */
const CHART_ID = '0190a000-0000-7000-8000-0000000000c1';
const PLANT_ID = '0190a000-0000-7000-8000-000000000001';
const chart = {
  id: CHART_ID,
  plantId: PLANT_ID,
  name: '3003 带厚 X̄-R',
  chartType: 'xbar_r',
  characteristic: 'thickness',
  element: '',
  planId: null,
  subgroupSize: 0,
  rules: ['WE1', 'WE2'],
  phase: 'II',
  limits: {
    chartType: 'xbar_r',
    center: 1,
    ucl: 1.006,
    lcl: 0.994,
    sigma: 0.004,
    n: 4,
    rangeCenter: 0.008,
    rangeUcl: 0.019,
    rangeLcl: 0,
    baselineCount: 3,
    baselineLastKey: 'k3',
    excludedKeys: ['k2'],
    computedAt: '2026-11-01T00:00:00.000Z',
    alarmedThroughKey: 'k4',
  },
  limitsFrozenAt: new Date('2026-11-02T00:00:00Z'),
  createdAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-02T00:00:00Z'),
};
const point = (index: number, value: number, center: number, ucl: number, lcl: number, excluded = false) => ({
  index,
  value,
  center,
  ucl,
  lcl,
  sigma: (ucl - center) / 3,
  n: 4,
  ...(excluded ? { excluded: true } : {}),
});
const subgroup = (index: number, phase: 'I' | 'II', excluded = false) => ({
  index,
  key: `k${index + 1}`,
  at: new Date(Date.UTC(2026, 10, 1, index)),
  label: `QI-${index + 1}`,
  n: 4,
  excluded,
  phase,
});

const answers = (actions: string[]): Record<string, unknown> => ({
  'plant.list': [{ id: PLANT_ID, code: 'RP', name: '轧制厂' }],
  'tenant.get': { access: { actions, plantIds: [] } },
  'spc.list': [chart],
  'spc.data': {
    chart,
    limits: chart.limits,
    trial: false,
    subgroups: [subgroup(0, 'I'), subgroup(1, 'I', true), subgroup(2, 'I'), subgroup(3, 'II')],
    series: [
      {
        kind: 'xbar',
        points: [
          point(0, 1.001, 1, 1.006, 0.994),
          point(1, 0.999, 1, 1.006, 0.994, true),
          point(2, 1.002, 1, 1.006, 0.994),
          point(3, 1.009, 1, 1.006, 0.994),
        ],
        hits: [{ rule: 'WE1', indices: [3] }],
      },
      {
        kind: 'r',
        points: [
          point(0, 0.007, 0.008, 0.019, 0),
          point(1, 0.009, 0.008, 0.019, 0, true),
          point(2, 0.006, 0.008, 0.019, 0),
          point(3, 0.01, 0.008, 0.019, 0),
        ],
        hits: [],
      },
    ],
    spec: { lsl: 0.97, usl: 1.03 },
    capability: {
      n: 12,
      mean: 1.0007,
      sigmaWithin: 0.004,
      sigmaOverall: 0.0042,
      lsl: 0.97,
      usl: 1.03,
      confidence: 0.95,
      cp: { value: 2.5, interval: { lower: 1.45, upper: 3.55 } },
      cpk: { value: 2.44, interval: { lower: 1.31, upper: 3.57 } },
      pp: { value: 2.38, interval: { lower: 1.38, upper: 3.38 } },
      ppk: { value: 2.33, interval: { lower: 1.25, upper: 3.41 } },
    },
  },
});

function renderWithAnswers(element: () => ReactElement, locale: 'zh-CN' | 'en', actions: string[]): string {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: 'http://127.0.0.1:9/never', transformer: superjson })],
  });
  const trpcProps = { trpcClient, queryClient } as ComponentProps<typeof TRPCProvider>;
  const i18nProps = { locale } as ComponentProps<typeof I18nProvider>;
  const tree = () =>
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(TRPCProvider, trpcProps, createElement(I18nProvider, i18nProps, element())),
    );
  const data = answers(actions);
  // Two rounds: the chart page asks for the access (tenant.get) and its data in the first.
  for (let round = 0; round < 2; round++) {
    renderToStaticMarkup(tree());
    for (const query of queryClient.getQueryCache().getAll()) {
      const path = (query.queryKey[0] as string[]).join('.');
      if (path in data) queryClient.setQueryData(query.queryKey, data[path]);
    }
  }
  return renderToStaticMarkup(tree());
}

describe('SPC pages', () => {
  it('lists charts with type, subgrouping, rules and phase, in Chinese and English', () => {
    const zh = renderWithAnswers(() => createElement(SpcChartListView), 'zh-CN', [
      'quality.read',
      'quality.manage',
    ]);
    expect(zh).toContain('SPC 控制图');
    expect(zh).toContain(`href="/quality/spc/${CHART_ID}"`);
    expect(zh).toContain('均值-极差图 (X̄-R)');
    expect(zh).toContain('每个检验委托一个子组');
    expect(zh).toContain('第二阶段（监控）');
    expect(zh).toContain('data-testid="spc-new"');
    const en = renderWithAnswers(() => createElement(SpcChartListView), 'en', ['quality.read']);
    expect(en).toContain('X̄-R (mean and range)');
    expect(en).toContain('One subgroup per inspection request');
    expect(en).not.toContain('data-testid="spc-new"');
  });

  it('draws the X̄ and R charts with the named rule hit, the phase II divider and the capability intervals', () => {
    const en = renderWithAnswers(() => createElement(SpcChartView, { chartId: CHART_ID }), 'en', [
      'quality.read',
      'quality.manage',
    ]);
    expect(en).toContain('data-testid="spc-series-xbar"');
    expect(en).toContain('data-testid="spc-series-r"');
    expect((en.match(/data-testid="control-chart"/g) ?? []).length).toBe(2);
    expect(en).toContain('data-rules="WE1"');
    expect(en).toContain('<strong>WE1</strong> a point beyond a 3σ control limit: 4');
    expect(en).toContain('Point 4: 1.009 (QI-4), violates: a point beyond a 3σ control limit');
    expect(en).toContain('data-testid="phase-divider"');
    expect(en).toContain('Baseline: 3 subgroups, 1 excluded');
    expect(en).toContain('<th scope="row">Cpk</th><td>2.44</td><td>1.31 – 3.57</td>');
    expect(en).toContain('95 % confidence interval');
    // phase II: reopen, not compute/freeze
    expect(en).toContain('data-testid="spc-reopen"');
    expect(en).not.toContain('data-testid="spc-freeze"');
    expect(en).toContain('Edit name and rules');
    const zh = renderWithAnswers(() => createElement(SpcChartView, { chartId: CHART_ID }), 'zh-CN', [
      'quality.read',
    ]);
    expect(zh).toContain('均值 X̄ 图');
    expect(zh).toContain('1 点超出 3σ 控制限');
    expect(zh).toContain('过程能力');
    expect(zh).not.toContain('data-testid="spc-reopen"');
  });
});
