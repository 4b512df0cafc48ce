import { ZStartOperationInput } from '@ingot/contracts';
import { startOperation } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const startOperationProcedure = tenantProcedure
  .meta({ action: 'operation.report' })
  .input(ZStartOperationInput)
  .mutation(({ ctx, input }) => startOperation(ctx.tx, ctx.scope, input));
