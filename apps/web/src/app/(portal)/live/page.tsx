import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LiveView } from '../../../features/live/live-view.tsx';

export const metadata: Metadata = { title: 'Live · 实时监控' };

export default function LivePage() {
  return (
    <Suspense>
      <LiveView />
    </Suspense>
  );
}
