import type { Metadata } from 'next';
import { AlarmHistoryView } from '../../../../features/alarms/alarm-history-view.tsx';

export const metadata: Metadata = { title: 'Alarm history · 报警历史' };

export default function AlarmHistoryPage() {
  return <AlarmHistoryView />;
}
