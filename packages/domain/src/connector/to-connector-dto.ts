import {
  CONNECTOR_STALE_AFTER_MS,
  type TConnectorLastStatus,
  type TConnectorState,
  ZConnectorLastStatus,
} from '@ingot/contracts';

/** A connector as the portal sees it: never its password hash. */
export interface TConnectorDto {
  id: string;
  plantId: string;
  code: string;
  name: string;
  /** MQTT username and client id. */
  username: string;
  hasCredentials: boolean;
  credentialsIssuedAt: Date | null;
  revokedAt: Date | null;
  config: string;
  configVersion: number;
  lastSeenAt: Date | null;
  lastStatus: TConnectorLastStatus;
  state: TConnectorState;
  /** Batches waiting in the agent's spool at its last heartbeat (null before the first one). */
  spoolDepth: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TConnectorRow {
  id: string;
  plantId: string;
  code: string;
  name: string;
  username: string;
  passwordHash: string | null;
  credentialsIssuedAt: Date | null;
  revokedAt: Date | null;
  config: string;
  configVersion: number;
  lastSeenAt: Date | null;
  lastStatus: unknown;
  createdAt: Date;
  updatedAt: Date;
}

export function connectorState(
  row: TConnectorRow,
  lastStatus: TConnectorLastStatus,
  now: number,
): TConnectorState {
  if (row.revokedAt) return 'revoked';
  if (!row.passwordHash) return 'no-credentials';
  if (!row.lastSeenAt) return 'never-seen';
  if (lastStatus.kind === 'offline') return 'offline';
  if (now - row.lastSeenAt.getTime() > CONNECTOR_STALE_AFTER_MS) return 'stale';
  return 'online';
}

export function toConnectorDto(row: TConnectorRow, now = Date.now()): TConnectorDto {
  const parsed = ZConnectorLastStatus.safeParse(row.lastStatus ?? {});
  const lastStatus = parsed.success ? parsed.data : {};
  return {
    id: row.id,
    plantId: row.plantId,
    code: row.code,
    name: row.name,
    username: row.username,
    hasCredentials: row.passwordHash !== null,
    credentialsIssuedAt: row.credentialsIssuedAt,
    revokedAt: row.revokedAt,
    config: row.config,
    configVersion: row.configVersion,
    lastSeenAt: row.lastSeenAt,
    lastStatus,
    state: connectorState(row, lastStatus, now),
    spoolDepth: lastStatus.spoolDepthBatches ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
