import type { Metadata } from 'next';
import { LabListView } from '../../../../features/quality/lab/lab-list-view.tsx';

export const metadata: Metadata = { title: 'Lab · 实验室' };

export default function LabPage() {
  return <LabListView />;
}
