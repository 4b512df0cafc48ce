import { ZListTempersInput } from '@ingot/contracts';
import { listTempers } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listTempersProcedure = tenantProcedure
  .meta({ action: 'masterData.read' })
  .input(ZListTempersInput)
  .query(({ ctx, input }) => listTempers(ctx.tx, ctx.scope, input));
