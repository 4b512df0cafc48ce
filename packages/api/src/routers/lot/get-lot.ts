import { ZByIdInput } from '@ingot/contracts';
import { getLot } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getLotProcedure = tenantProcedure
  .meta({ action: 'lot.read' })
  .input(ZByIdInput)
  .query(({ ctx, input }) => getLot(ctx.tx, ctx.scope, input));
