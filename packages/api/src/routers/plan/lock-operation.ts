import { ZLockOperationInput } from '@ingot/contracts';
import { lockOperation } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Lock an operation where the version has it, or unlock it; a new draft version. */
export const lockOperationProcedure = tenantProcedure
  .meta({ action: 'plan.edit' })
  .input(ZLockOperationInput)
  .mutation(({ ctx, input }) => lockOperation(ctx.tx, ctx.scope, input));
