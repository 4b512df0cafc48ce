import { ZCreateProductSpecInput } from '@ingot/contracts';
import { createProductSpec } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createProductSpecProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZCreateProductSpecInput)
  .mutation(({ ctx, input }) => createProductSpec(ctx.tx, ctx.scope, input));
