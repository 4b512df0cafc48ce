import { ZOperationByIdInput } from '@ingot/contracts';
import { getOperation } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getOperationProcedure = tenantProcedure
  .meta({ action: 'operation.read' })
  .input(ZOperationByIdInput)
  .query(({ ctx, input }) => getOperation(ctx.tx, ctx.scope, input));
