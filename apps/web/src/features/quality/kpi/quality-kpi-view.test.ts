import type { AppRouter } from '@ingot/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { type ComponentProps, createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n/i18n-provider.tsx';
import { TRPCProvider } from '../../../trpc/react.tsx';
import { CoilQualityReport, type TCoilQuality } from './coil-quality-report.tsx';
import { QualityKpiView } from './quality-kpi-view.tsx';

/**
 * The page rendered on the server with answers put into the query cache: a first render registers the queries the
 * view asks for, their data is set by procedure, and the second render shows it. No request leaves the test.
 */
const answers: Record<string, unknown> = {
  'plant.list': [{ id: '0190a000-0000-7000-8000-000000000001', code: 'RP', name: '轧制厂' }],
  'masterData.spec.list': [],
  'telemetry.tags': { plant: { timezone: 'Asia/Shanghai' }, equipment: [] },
  'qualityKpi.kpis': {
    from: new Date('2025-03-01T00:00:00Z'),
    to: new Date('2025-03-15T00:00:00Z'),
    period: 'week',
    asOf: new Date('2025-03-15T00:00:00Z'),
    fpy: {
      rows: [
        {
          plantId: 'p',
          period: '2025-03-03',
          productFamily: 'strip_coil',
          evaluated: 3,
          firstPass: 1,
          fpy: 1 / 3,
        },
        { plantId: 'p', period: '2025-03-03', productFamily: 'unknown', evaluated: 1, firstPass: 1, fpy: 1 },
        {
          plantId: 'p',
          period: '2025-03-10',
          productFamily: 'strip_coil',
          evaluated: 2,
          firstPass: 2,
          fpy: 1,
        },
      ],
      byPeriod: [
        { period: '2025-03-03', evaluated: 4, firstPass: 2, fpy: 0.5 },
        { period: '2025-03-10', evaluated: 2, firstPass: 2, fpy: 1 },
      ],
      total: { evaluated: 6, firstPass: 4, fpy: 4 / 6 },
    },
    pareto: {
      byType: [
        { key: 'surface_defect:scratch', count: 2, share: 0.5, cumulativeShare: 0.5 },
        { key: 'thickness', count: 2, share: 0.5, cumulativeShare: 1 },
      ],
      byEquipment: [],
      byShift: [],
      total: 4,
    },
    ageing: {
      rows: [
        { status: 'open', bucket: 'lt7d', count: 1 },
        { status: 'open', bucket: '7to30d', count: 2 },
        { status: 'dispositioned', bucket: 'gt30d', count: 1 },
      ],
      total: 4,
    },
  },
};

function renderWithAnswers(element: () => ReactElement, locale: 'zh-CN' | 'en'): string {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: 'http://127.0.0.1:9/never', transformer: superjson })],
  });
  // Props typed as the providers' own (their `children` comes as createElement's third argument).
  const trpcProps = { trpcClient, queryClient } as ComponentProps<typeof TRPCProvider>;
  const i18nProps = { locale } as ComponentProps<typeof I18nProvider>;
  const tree = () =>
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(TRPCProvider, trpcProps, createElement(I18nProvider, i18nProps, element())),
    );
  renderToStaticMarkup(tree());
  for (const query of queryClient.getQueryCache().getAll()) {
    const path = (query.queryKey[0] as string[]).join('.');
    if (path in answers) queryClient.setQueryData(query.queryKey, answers[path]);
  }
  return renderToStaticMarkup(tree());
}

describe('quality KPI page', () => {
  it('shows the FPY total and table, the Pareto bars and the ageing total, in Chinese and English', () => {
    const zh = renderWithAnswers(() => createElement(QualityKpiView), 'zh-CN');
    expect(zh).toContain('质量指标');
    expect(zh).toContain('合计：4 / 6 一次合格，66.7%');
    expect(zh).toContain('<td>2025-03-10</td><td>2</td><td>2</td><td>100.0%</td>');
    expect(zh).toContain('划伤: 2 (累计占比 50%)');
    expect(zh).toContain('未关闭合计 4 项');
    expect(zh).toContain('<td>带卷</td><td>5</td><td>3</td><td>60.0%</td>');
    expect(zh).toContain('<td>未知</td><td>1</td><td>1</td><td>100.0%</td>');
    const en = renderWithAnswers(() => createElement(QualityKpiView), 'en');
    expect(en).toContain('Total: 4 of 6 passed first time, 66.7%');
    expect(en).toContain('Scratch: 2 (Cumulative % 50%)');
    expect(en).toContain('&lt; 7 days · Open: 1');
  });

  it("shows a coil's share in tolerance, Cpk, tolerance source, flatness and defect map", () => {
    const q = {
      plantId: 'p',
      equipment: 'CM-1',
      coil: { coilId: 'RC1000123', start: new Date(0), end: new Date(1), open: false, lengthM: 1000 },
      binMetres: 10,
      tolerance: {
        source: 'lot',
        nominalMm: 1,
        minusMm: 0.03,
        plusMm: 0.03,
        specCode: 'FX-1.0',
        lotNo: 'RC1000123',
      },
      thickness: {
        quality: {
          samples: 100,
          lengthM: 990,
          mean: 1.005,
          deviation: { mean: 0.005, min: -0.01, max: 0.05 },
          shareInTolerance: 0.9,
          lengthOutM: 99,
          sigmaWithin: 0.01,
          sigmaOverall: 0.012,
          cp: 1,
          cpk: 0.8333,
          pp: 0.8333,
          ppk: 0.6944,
        },
        bins: [{ fromM: 0, toM: 10, min: 0.99, max: 1.05, avg: 1.01, count: 10 }],
      },
      flatness: {
        summary: { samples: 2, mean: 10, max: 14, p95: 13.6, shareAboveLimit: null },
        limitI: null,
        bins: [],
      },
      defects: {
        defects: [{ defectNo: 7, type: 'dent', positionM: 250, crossPositionMm: 400, severity: 3 }],
        unplaced: 0,
        byType: [{ type: 'dent', count: 1 }],
        bySeverity: [{ severity: 3, count: 1 }],
        per1000m: 1,
        missed: 2,
      },
    } as unknown as TCoilQuality;
    const html = renderWithAnswers(() => createElement(CoilQualityReport, { q }), 'zh-CN');
    expect(html).toContain('订单规格 FX-1.0（批次 RC1000123）：1.000 mm −0.030/+0.030');
    expect(html).toContain('data-testid="coil-in-tolerance">90.0%');
    expect(html).toContain('data-testid="coil-cpk">0.83');
    expect(html).toContain('+0.005 mm');
    expect(html).toContain('公差带: -0.030 … +0.030');
    expect(html).toContain('平均 10.00 I，最大 14.00 I，P95 13.60 I');
    expect(html).toContain('压坑，250 m，致命');
    expect(html).toContain('另有 2 处缺陷');
  });
});
