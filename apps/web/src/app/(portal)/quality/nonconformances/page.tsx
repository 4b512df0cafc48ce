import type { Metadata } from 'next';
import { NcListView } from '../../../../features/quality/nonconformances/nc-list-view.tsx';

export const metadata: Metadata = { title: 'Nonconformances · 不合格品' };

export default function NonconformancesPage() {
  return <NcListView />;
}
