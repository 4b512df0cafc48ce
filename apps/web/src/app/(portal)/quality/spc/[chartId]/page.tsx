import type { Metadata } from 'next';
import { SpcChartView } from '../../../../../features/spc/spc-chart-view.tsx';

export const metadata: Metadata = { title: 'SPC chart · 控制图' };

/** One chart; a chart of another tenant or outside the member's plants shows the API's not-found. */
export default async function SpcChartPage({ params }: { params: Promise<{ chartId: string }> }) {
  const { chartId } = await params;
  return <SpcChartView chartId={chartId} />;
}
