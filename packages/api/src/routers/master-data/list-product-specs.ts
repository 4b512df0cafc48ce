import { ZListProductSpecsInput } from '@ingot/contracts';
import { listProductSpecs } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listProductSpecsProcedure = tenantProcedure
  .meta({ action: 'masterData.read' })
  .input(ZListProductSpecsInput)
  .query(({ ctx, input }) => listProductSpecs(ctx.tx, ctx.scope, input));
