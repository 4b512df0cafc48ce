import type { Metadata } from 'next';
import { SpcChartListView } from '../../../../features/spc/spc-chart-list-view.tsx';

export const metadata: Metadata = { title: 'SPC · 统计过程控制' };

export default function SpcPage() {
  return <SpcChartListView />;
}
