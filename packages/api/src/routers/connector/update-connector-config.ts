import { ZUpdateConnectorConfigInput } from '@ingot/contracts';
import { updateConnectorConfig } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateConnectorConfigProcedure = tenantProcedure
  .meta({ action: 'connector.manage' })
  .input(ZUpdateConnectorConfigInput)
  .mutation(({ ctx, input }) => updateConnectorConfig(ctx.tx, ctx.scope, input));
