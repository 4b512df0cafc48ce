import { ZFinishOperationInput } from '@ingot/contracts';
import { finishOperation } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const finishOperationProcedure = tenantProcedure
  .meta({ action: 'operation.report' })
  .input(ZFinishOperationInput)
  .mutation(({ ctx, input }) => finishOperation(ctx.tx, ctx.scope, input));
