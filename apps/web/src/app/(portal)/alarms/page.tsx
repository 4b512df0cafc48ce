import type { Metadata } from 'next';
import { AlarmListView } from '../../../features/alarms/alarm-list-view.tsx';

export const metadata: Metadata = { title: 'Alarms · 报警' };

export default function AlarmsPage() {
  return <AlarmListView view="active" />;
}
