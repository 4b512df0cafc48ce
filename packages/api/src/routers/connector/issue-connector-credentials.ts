import { ZConnectorIdInput } from '@ingot/contracts';
import { issueConnectorCredentials } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const issueConnectorCredentialsProcedure = tenantProcedure
  .meta({ action: 'connector.manage' })
  .input(ZConnectorIdInput)
  .mutation(({ ctx, input }) => issueConnectorCredentials(ctx.tx, ctx.scope, input));
