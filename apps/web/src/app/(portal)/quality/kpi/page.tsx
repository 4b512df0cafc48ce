import type { Metadata } from 'next';
import { Suspense } from 'react';
import { QualityKpiView } from '../../../../features/quality/kpi/quality-kpi-view.tsx';

export const metadata: Metadata = { title: 'Quality KPIs · 质量指标' };

export default function QualityKpiPage() {
  return (
    <Suspense>
      <QualityKpiView />
    </Suspense>
  );
}
