import type { Metadata } from 'next';
import { NcDetailView } from '../../../../../features/quality/nonconformances/nc-detail-view.tsx';

export const metadata: Metadata = { title: 'Nonconformance · 不合格品' };

export default async function NonconformancePage({ params }: { params: Promise<{ ncId: string }> }) {
  const { ncId } = await params;
  return <NcDetailView ncId={ncId} />;
}
