import { ZByIdInput } from '@ingot/contracts';
import { getProductSpec } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getProductSpecProcedure = tenantProcedure
  .meta({ action: 'masterData.read' })
  .input(ZByIdInput)
  .query(({ ctx, input }) => getProductSpec(ctx.tx, ctx.scope, input));
