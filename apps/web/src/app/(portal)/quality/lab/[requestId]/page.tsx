import type { Metadata } from 'next';
import { LabRequestView } from '../../../../../features/quality/lab/lab-request-view.tsx';

export const metadata: Metadata = { title: 'Inspection request · 检验委托' };

/** One inspection request; another tenant's or another plant's answers the API's not-found. */
export default async function LabRequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  return <LabRequestView requestId={requestId} />;
}
