import type { Metadata } from 'next';
import { ConnectorsView } from '../../../features/connectors/connectors-view.tsx';

export const metadata: Metadata = { title: 'Connectors · 数据采集连接器' };

export default function ConnectorsPage() {
  return <ConnectorsView />;
}
