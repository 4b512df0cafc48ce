import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TrendsView } from '../../../features/trends/trends-view.tsx';

export const metadata: Metadata = { title: 'Trends · 趋势' };

export default function TrendsPage() {
  return (
    <Suspense>
      <TrendsView />
    </Suspense>
  );
}
