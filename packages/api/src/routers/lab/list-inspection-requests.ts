import { ZListInspectionRequestsInput } from '@ingot/contracts';
import { listInspectionRequests } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listInspectionRequestsProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZListInspectionRequestsInput)
  .query(({ ctx, input }) => listInspectionRequests(ctx.tx, ctx.scope, input));
