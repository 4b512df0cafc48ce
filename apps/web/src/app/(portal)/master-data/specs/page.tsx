import type { Metadata } from 'next';
import { SpecsView } from '../../../../features/master-data/specs-view.tsx';

export const metadata: Metadata = { title: 'Specifications · 产品规格' };

export default function Page() {
  return <SpecsView />;
}
