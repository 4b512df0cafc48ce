import { ZReportOperationInput } from '@ingot/contracts';
import { reportOperation } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const reportOperationProcedure = tenantProcedure
  .meta({ action: 'operation.report' })
  .input(ZReportOperationInput)
  .mutation(({ ctx, input }) => reportOperation(ctx.tx, ctx.scope, input));
