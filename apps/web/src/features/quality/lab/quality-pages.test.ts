import type { AppRouter } from '@ingot/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { type ComponentProps, createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n/i18n-provider.tsx';
import { TRPCProvider } from '../../../trpc/react.tsx';
import { NcDetailView } from '../nonconformances/nc-detail-view.tsx';
import { PlansView } from '../plans/plans-view.tsx';
import { LabRequestView } from './lab-request-view.tsx';

/**
 * The lab, plan and nonconformance pages rendered on the server with answers put into the query cache (a first render
 * registers the queries, the second shows their data). No request leaves the test.
 */
const REQ = '0190a000-0000-7000-8000-0000000000a1';
const S1 = '0190a000-0000-7000-8000-0000000000b1';
const CT = '0190a000-0000-7000-8000-0000000000c1';
const CF = '0190a000-0000-7000-8000-0000000000c2';
const at = new Date('2026-11-29T08:00:00Z');

const answers: Record<string, unknown> = {
  'tenant.get': {
    access: { actions: ['quality.read', 'lab.work', 'quality.approve', 'quality.manage'], plantIds: [] },
  },
  'me.get': { user: { id: 'u1', displayName: '质检员', email: 'qe@x.demo' } },
  'lab.get': {
    id: REQ,
    requestNo: 'QI-RP-2611-0001',
    plantId: 'p',
    plantCode: 'RP',
    status: 'evaluated',
    origin: 'operation_complete',
    verdict: 'fail',
    decision: null,
    decidedAt: null,
    lot: { id: 'l1', lotNo: 'RP-CL2611-0042', status: 'on_hold' },
    plan: { id: 'pl', code: 'QP-3003-STRIP-FINAL', name: '成品检验' },
    operation: { operationCode: 'cold_rolling', seq: 20, workOrderNo: 'WO-1' },
    samples: 1,
    received: 1,
    createdAt: at,
    limits: [
      {
        characteristicId: CT,
        code: 'thickness',
        element: '',
        unit: 'mm',
        nominal: 1,
        lower: 0.97,
        upper: 1.03,
        source: 'spec:S1',
        unresolved: null,
        samplesRequired: 1,
        method: '',
      },
      {
        characteristicId: CF,
        code: 'flatness',
        element: '',
        unit: 'I',
        nominal: null,
        lower: null,
        upper: 10,
        source: 'manual',
        unresolved: null,
        samplesRequired: 1,
        method: '',
      },
    ],
    sampleList: [{ id: S1, sampleNo: 'QI-RP-2611-0001-S1', position: 'tail', receivedAt: at }],
    results: [
      {
        id: 'r1',
        sampleId: S1,
        sampleNo: 'QI-RP-2611-0001-S1',
        characteristicId: CT,
        value: 1.05,
        verdict: 'fail',
        source: 'form',
        supersedesId: null,
        supersededById: 'r2',
        enteredAt: at,
        enteredById: null,
      },
      {
        id: 'r2',
        sampleId: S1,
        sampleNo: 'QI-RP-2611-0001-S1',
        characteristicId: CT,
        value: 1.061,
        verdict: 'fail',
        source: 'form',
        supersedesId: 'r1',
        supersededById: null,
        enteredAt: at,
        enteredById: null,
      },
      {
        id: 'r3',
        sampleId: S1,
        sampleNo: 'QI-RP-2611-0001-S1',
        characteristicId: CF,
        value: 6,
        verdict: 'pass',
        source: 'csv:ls.csv',
        supersedesId: null,
        supersededById: null,
        enteredAt: at,
        enteredById: null,
      },
    ],
    nonconformances: [
      { id: 'nc1', ncNo: 'NC-RP-2611-0001', defectCode: 'thickness', status: 'open', disposition: null },
    ],
  },
  'inspectionPlan.list': [
    {
      id: 'pl',
      code: 'QP-3003-STRIP-FINAL',
      name: '3003 冷轧带卷成品检验',
      productSpec: null,
      productFamily: 'strip_coil',
      alloy: { id: 'a', code: '3003' },
      operationCode: null,
      active: true,
      createdAt: at,
      updatedAt: at,
      characteristics: [
        {
          id: CT,
          seq: 10,
          code: 'thickness',
          element: '',
          unit: 'mm',
          nominal: null,
          lowerLimit: null,
          upperLimit: null,
          limitSource: 'spec',
          method: 'GB/T 3880.3',
          samplesPerLot: 1,
          frequency: 'every_lot',
          frequencyN: null,
        },
        {
          id: CF,
          seq: 20,
          code: 'chemistry',
          element: 'Mn',
          unit: 'wt%',
          nominal: null,
          lowerLimit: null,
          upperLimit: null,
          limitSource: 'alloy',
          method: '',
          samplesPerLot: 1,
          frequency: 'first_of_order',
          frequencyN: null,
        },
      ],
    },
  ],
  'masterData.spec.list': [],
  'masterData.alloy.list': [],
  'nonconformance.get': {
    id: 'nc1',
    ncNo: 'NC-RP-2611-0001',
    plantId: 'p',
    plantCode: 'RP',
    lot: { id: 'l1', lotNo: 'RP-CL2611-0042', status: 'released' },
    request: { id: REQ, requestNo: 'QI-RP-2611-0001' },
    defectCode: 'thickness',
    description: 'thickness 1.061 mm on QI-RP-2611-0001-S1 is outside 0.97 … 1.03 mm (spec:S1)',
    status: 'dispositioned',
    disposition: 'concession',
    dispositionNote: '',
    concessionRef: 'FX-DEV-31',
    dispositionAt: at,
    dispositionById: null,
    correctiveAction: '',
    correctiveOwner: null,
    correctiveDueAt: null,
    closedAt: null,
    ageDays: 2,
    createdAt: at,
  },
};

function renderWithAnswers(element: () => ReactElement, locale: 'zh-CN' | 'en'): string {
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
  renderToStaticMarkup(tree());
  for (const query of queryClient.getQueryCache().getAll()) {
    const path = (query.queryKey[0] as string[]).join('.');
    if (path in answers) queryClient.setQueryData(query.queryKey, answers[path]);
  }
  return renderToStaticMarkup(tree());
}

describe('lab request page', () => {
  it('shows limits, the current verdict per cell, superseded results, the label link and the approval buttons', () => {
    const zh = renderWithAnswers(() => createElement(LabRequestView, { requestId: REQ }), 'zh-CN');
    expect(zh).toContain('QI-RP-2611-0001');
    expect(zh).toContain('0.97 … 1.03 mm');
    expect(zh).toContain('≤ 10 I');
    expect(zh).toContain('data-testid="verdict-thickness-QI-RP-2611-0001-S1"');
    expect(zh).toContain('1.061 · 不合格');
    expect(zh).toContain('6 · 合格');
    expect(zh).toContain(`href="/api/lab/labels/${REQ}"`);
    expect(zh).toContain('(已被更正)');
    expect(zh).toContain('NC-RP-2611-0001');
    expect(zh).toContain('批准放行');
    const en = renderWithAnswers(() => createElement(LabRequestView, { requestId: REQ }), 'en');
    expect(en).toContain('1.061 · Fail');
    expect(en).toContain('Print sample labels (PDF)');
    expect(en).toContain('csv:ls.csv');
  });
});

describe('inspection plans page', () => {
  it('lists plans with scope, limit sources and frequency', () => {
    const zh = renderWithAnswers(() => createElement(PlansView), 'zh-CN');
    expect(zh).toContain('QP-3003-STRIP-FINAL');
    expect(zh).toContain('strip_coil · 3003');
    expect(zh).toContain('订单产品规格');
    expect(zh).toContain('合金成分限值');
    expect(zh).toContain('每订单首批');
    expect(zh).toContain('最终工序（成品检验）');
    const en = renderWithAnswers(() => createElement(PlansView), 'en');
    expect(en).toContain('order&#x27;s product spec');
    expect(en).toContain('first lot of each order');
  });
});

describe('nonconformance page', () => {
  it('shows the defect, the concession with its customer reference and the lot status now', () => {
    const zh = renderWithAnswers(() => createElement(NcDetailView, { ncId: 'nc1' }), 'zh-CN');
    expect(zh).toContain('NC-RP-2611-0001');
    expect(zh).toContain('让步接收 · 客户让步接收编号: FX-DEV-31');
    expect(zh).toContain('data-status="released"');
    expect(zh).toContain('1.061 mm');
    const en = renderWithAnswers(() => createElement(NcDetailView, { ncId: 'nc1' }), 'en');
    expect(en).toContain('Concession');
  });
});
