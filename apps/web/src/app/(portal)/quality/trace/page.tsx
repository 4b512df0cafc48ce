import type { Metadata } from 'next';
import { TraceView } from '../../../../features/quality/trace/trace-view.tsx';

export const metadata: Metadata = { title: 'Traceability · 质量追溯' };

export default function TracePage() {
  return <TraceView />;
}
