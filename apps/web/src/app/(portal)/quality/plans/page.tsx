import type { Metadata } from 'next';
import { PlansView } from '../../../../features/quality/plans/plans-view.tsx';

export const metadata: Metadata = { title: 'Inspection plans · 检验计划' };

export default function PlansPage() {
  return <PlansView />;
}
