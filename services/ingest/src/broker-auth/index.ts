export {
  addressOf,
  authorizePublish,
  authorizeSubscribe,
  connectorGrants,
  INGEST_KINDS,
  INGEST_SHARE_GROUP,
  serviceSubscribeFilters,
  type TAclDecision,
  type TPublishRequest,
} from './acl.ts';
export {
  BrokerAuth,
  type TAuthResult,
  type TBrokerAuthOptions,
  type TBrokerKind,
  type TDenialContext,
  type TServiceAccount,
} from './broker-auth.ts';
export { credentialLookupFromDb } from './credential-lookup.ts';
export {
  connectorIdentityOf,
  type TBrokerIdentity,
  type TConnectorCredentials,
  type TConnectorIdentity,
  type TCredentialLookup,
  type TServiceIdentity,
} from './identity.ts';
export {
  mosquittoAclFile,
  mosquittoPasswordHash,
  mosquittoPasswordLine,
  type TMosquittoEntry,
} from './mosquitto-files.ts';
