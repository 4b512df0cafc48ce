import { ZCreateConnectorInput } from '@ingot/contracts';
import { createConnector } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createConnectorProcedure = tenantProcedure
  .meta({ action: 'connector.manage' })
  .input(ZCreateConnectorInput)
  .mutation(({ ctx, input }) => createConnector(ctx.tx, ctx.scope, input));
