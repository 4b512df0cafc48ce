export {
  generateConnectorPassword,
  hashConnectorPassword,
  verifyConnectorPassword,
} from './connector-password.ts';
export { connectorUsername } from './connector-username.ts';
export { createConnector } from './create-connector.ts';
export {
  ensureConnectorCredentials,
  type TEnsureConnectorInput,
  type TEnsuredConnector,
} from './ensure-connector-credentials.ts';
export { getConnector } from './get-connector.ts';
export {
  issueConnectorCredentials,
  type TIssuedConnectorCredentials,
} from './issue-connector-credentials.ts';
export { listConnectors } from './list-connectors.ts';
export { recordConnectorHeartbeat, type TConnectorHeartbeatRecord } from './record-connector-heartbeat.ts';
export { revokeConnectorCredentials } from './revoke-connector-credentials.ts';
export { type TConnectorDto, toConnectorDto } from './to-connector-dto.ts';
export { updateConnectorConfig } from './update-connector-config.ts';
export { type TConnectorConfigValidation, validateConnectorConfig } from './validate-connector-config.ts';
