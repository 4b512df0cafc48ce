import type { Metadata } from 'next';
import { AlloysView } from '../../../../features/master-data/alloys-view.tsx';

export const metadata: Metadata = { title: 'Alloys · 合金' };

export default function Page() {
  return <AlloysView />;
}
