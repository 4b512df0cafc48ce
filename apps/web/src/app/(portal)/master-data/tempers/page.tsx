import type { Metadata } from 'next';
import { TempersView } from '../../../../features/master-data/tempers-view.tsx';

export const metadata: Metadata = { title: 'Tempers · 状态' };

export default function Page() {
  return <TempersView />;
}
