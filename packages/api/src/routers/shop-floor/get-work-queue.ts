import { ZWorkQueueInput } from '@ingot/contracts';
import { getWorkQueue } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getWorkQueueProcedure = tenantProcedure
  .meta({ action: 'operation.read' })
  .input(ZWorkQueueInput)
  .query(({ ctx, input }) => getWorkQueue(ctx.tx, ctx.scope, input));
