/** Who a broker session belongs to, as broker-auth established it at CONNECT. */
export interface TConnectorIdentity {
  kind: 'connector';
  username: string;
  connectorId: string;
  tenantId: string;
  tenantSlug: string;
  plantId: string;
  plantCode: string;
  connectorCode: string;
}

/** The platform's own service (ingest): reads every connector's upstream topics, writes commands. */
export interface TServiceIdentity {
  kind: 'service';
  username: string;
}

export type TBrokerIdentity = TConnectorIdentity | TServiceIdentity;

/** What app_connector_credentials returns for a username. */
export interface TConnectorCredentials {
  connectorId: string;
  tenantId: string;
  tenantSlug: string;
  plantId: string;
  plantCode: string;
  connectorCode: string;
  passwordHash: string | null;
  revoked: boolean;
}

export type TCredentialLookup = (username: string) => Promise<TConnectorCredentials | null>;

export function connectorIdentityOf(username: string, c: TConnectorCredentials): TConnectorIdentity {
  return {
    kind: 'connector',
    username,
    connectorId: c.connectorId,
    tenantId: c.tenantId,
    tenantSlug: c.tenantSlug,
    plantId: c.plantId,
    plantCode: c.plantCode,
    connectorCode: c.connectorCode,
  };
}
