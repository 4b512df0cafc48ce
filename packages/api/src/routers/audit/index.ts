import { router } from '../../trpc.ts';
import { exportAuditEventsProcedure } from './export-audit-events.ts';
import { listAuditEventsProcedure } from './list-audit-events.ts';

export const auditRouter = router({ list: listAuditEventsProcedure, export: exportAuditEventsProcedure });
