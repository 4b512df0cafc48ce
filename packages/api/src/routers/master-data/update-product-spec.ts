import { ZUpdateProductSpecInput } from '@ingot/contracts';
import { updateProductSpec } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateProductSpecProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZUpdateProductSpecInput)
  .mutation(({ ctx, input }) => updateProductSpec(ctx.tx, ctx.scope, input));
