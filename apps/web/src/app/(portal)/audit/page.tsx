import type { Metadata } from 'next';
import { AuditView } from '../../../features/audit/audit-view.tsx';

export const metadata: Metadata = { title: 'Audit trail · 审计日志' };

export default function AuditPage() {
  return <AuditView />;
}
