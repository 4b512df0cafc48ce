import type { Metadata } from 'next';
import { PlantsView } from '../../../features/plants/plants-view.tsx';

export const metadata: Metadata = { title: 'Plants · 工厂' };

export default function PlantsPage() {
  return <PlantsView />;
}
