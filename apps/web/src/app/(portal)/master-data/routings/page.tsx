import type { Metadata } from 'next';
import { RoutingsView } from '../../../../features/master-data/routings-view.tsx';

export const metadata: Metadata = { title: 'Routings · 工艺路线' };

export default function Page() {
  return <RoutingsView />;
}
