import type { Metadata } from 'next';
import { AlarmRulesView } from '../../../../features/alarms/alarm-rules-view.tsx';

export const metadata: Metadata = { title: 'Alarm rules · 报警规则' };

export default function AlarmRulesPage() {
  return <AlarmRulesView />;
}
