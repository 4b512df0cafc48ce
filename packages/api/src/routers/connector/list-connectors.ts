import { ZListConnectorsInput } from '@ingot/contracts';
import { listConnectors } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listConnectorsProcedure = tenantProcedure
  .meta({ action: 'connector.read' })
  .input(ZListConnectorsInput)
  .query(({ ctx, input }) => listConnectors(ctx.tx, ctx.scope, input));
