import { ZListAlloysInput } from '@ingot/contracts';
import { listAlloys } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listAlloysProcedure = tenantProcedure
  .meta({ action: 'masterData.read' })
  .input(ZListAlloysInput)
  .query(({ ctx, input }) => listAlloys(ctx.tx, ctx.scope, input));
