import { router } from '../../trpc.ts';
import { createConnectorProcedure } from './create-connector.ts';
import { getConnectorProcedure } from './get-connector.ts';
import { issueConnectorCredentialsProcedure } from './issue-connector-credentials.ts';
import { listConnectorsProcedure } from './list-connectors.ts';
import { revokeConnectorCredentialsProcedure } from './revoke-connector-credentials.ts';
import { updateConnectorConfigProcedure } from './update-connector-config.ts';
import { validateConnectorConfigProcedure } from './validate-connector-config.ts';

export const connectorRouter = router({
  list: listConnectorsProcedure,
  get: getConnectorProcedure,
  create: createConnectorProcedure,
  issueCredentials: issueConnectorCredentialsProcedure,
  revoke: revokeConnectorCredentialsProcedure,
  updateConfig: updateConnectorConfigProcedure,
  validateConfig: validateConnectorConfigProcedure,
});
