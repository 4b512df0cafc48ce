import { ZByIdInput } from '@ingot/contracts';
import { getAlloy } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getAlloyProcedure = tenantProcedure
  .meta({ action: 'masterData.read' })
  .input(ZByIdInput)
  .query(({ ctx, input }) => getAlloy(ctx.tx, ctx.scope, input));
