import type { Metadata } from 'next';
import { LotsView } from '../../../features/lots/lots-view.tsx';

export const metadata: Metadata = { title: 'Lots · 物料批次' };

export default function LotsPage() {
  return <LotsView />;
}
