import { exportAuditEvents } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { ZExportAuditEventsInput } from './audit-inputs.ts';

/**
 * The filtered trail as CSV (the portal's /api/audit/export serves it as a download). A mutation: the export is
 * itself recorded in the trail (`audit.export`).
 */
export const exportAuditEventsProcedure = tenantProcedure
  .meta({ action: 'audit.export' })
  .input(ZExportAuditEventsInput)
  .mutation(({ ctx, input }) => exportAuditEvents(ctx.tx, ctx.scope, input.filter));
