import type { Metadata } from 'next';
import { AlarmListView } from '../../../../features/alarms/alarm-list-view.tsx';

export const metadata: Metadata = { title: 'Shelved alarms · 已搁置报警' };

export default function ShelvedAlarmsPage() {
  return <AlarmListView view="shelved" />;
}
