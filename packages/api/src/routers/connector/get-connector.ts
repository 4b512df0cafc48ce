import { ZConnectorIdInput } from '@ingot/contracts';
import { getConnector } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getConnectorProcedure = tenantProcedure
  .meta({ action: 'connector.read' })
  .input(ZConnectorIdInput)
  .query(({ ctx, input }) => getConnector(ctx.tx, ctx.scope, input));
