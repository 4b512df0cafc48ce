export {
  addressOf,
  authorizePublish,
  authorizeSubscribe,
  connectorGrants,
  INGEST_KINDS,
  INGEST_SHARE_GROUP,
  serviceSubscribeFilters,
  shareGroupFor,
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
  emqxAuthenticate,
  emqxAuthorizer,
  emqxSecretMatches,
  type TEmqxAuthorizer,
  type TEmqxResponse,
} from './emqx-http.ts';
export {
  connectorIdentityOf,
  type TBrokerIdentity,
  type TConnectorCredentials,
  type TConnectorIdentity,
  type TCredentialLookup,
  type TServiceIdentity,
} from './identity.ts';
export { mosquittoPolicyLines } from './mosquitto-conf.ts';
export {
  buildMosquittoAuthFiles,
  MOSQUITTO_PBKDF2_ITERATIONS,
  mosquittoAclFile,
  mosquittoPasswordHash,
  mosquittoPasswordLine,
  type TMosquittoConnector,
  type TMosquittoEntry,
} from './mosquitto-files.ts';
