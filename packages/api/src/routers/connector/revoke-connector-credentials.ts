import { ZConnectorIdInput } from '@ingot/contracts';
import { revokeConnectorCredentials } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const revokeConnectorCredentialsProcedure = tenantProcedure
  .meta({ action: 'connector.manage' })
  .input(ZConnectorIdInput)
  .mutation(({ ctx, input }) => revokeConnectorCredentials(ctx.tx, ctx.scope, input));
