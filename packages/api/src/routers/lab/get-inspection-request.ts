import { ZGetInspectionRequestInput } from '@ingot/contracts';
import { getInspectionRequest } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getInspectionRequestProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZGetInspectionRequestInput)
  .query(({ ctx, input }) => getInspectionRequest(ctx.tx, ctx.scope, input));
