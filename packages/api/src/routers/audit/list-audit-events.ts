import { listAuditEvents } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { ZListAuditEventsInput } from './audit-inputs.ts';

/** The tenant's audit trail, newest first, filtered and paged (tenant administrators). */
export const listAuditEventsProcedure = tenantProcedure
  .meta({ action: 'audit.read' })
  .input(ZListAuditEventsInput)
  .query(({ ctx, input }) => listAuditEvents(ctx.tx, ctx.scope, input));
