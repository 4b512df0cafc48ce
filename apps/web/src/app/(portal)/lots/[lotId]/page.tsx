import type { Metadata } from 'next';
import { LotDetailView } from '../../../../features/lots/lot-detail-view.tsx';

export const metadata: Metadata = { title: 'Lot · 批次' };

/** One lot and its genealogy; a lot of another tenant or outside the member's plants shows the API's not-found. */
export default async function LotPage({ params }: { params: Promise<{ lotId: string }> }) {
  const { lotId } = await params;
  return <LotDetailView lotId={lotId} />;
}
