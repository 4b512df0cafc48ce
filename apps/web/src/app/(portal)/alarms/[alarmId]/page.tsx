import type { Metadata } from 'next';
import { AlarmDetailView } from '../../../../features/alarms/alarm-detail-view.tsx';

export const metadata: Metadata = { title: 'Alarm · 报警' };

/** One alarm and its history; an alarm of another tenant or outside the member's plants shows the API's not-found. */
export default async function AlarmPage({ params }: { params: Promise<{ alarmId: string }> }) {
  const { alarmId } = await params;
  return <AlarmDetailView alarmId={alarmId} />;
}
