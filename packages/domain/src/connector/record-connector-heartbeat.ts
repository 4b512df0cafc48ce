import type { TConnectorHeartbeat, TConnectorLastStatus, TConnectorOffline } from '@ingot/contracts';
import { type Db, withTenant } from '@ingot/db';

export interface TConnectorHeartbeatRecord {
  /** From the broker-authenticated identity, never from the message. */
  tenantId: string;
  connectorId: string;
  message: TConnectorHeartbeat | TConnectorOffline;
  /** When ingest received it. */
  receivedAt: Date;
}

function lastStatusOf(message: TConnectorHeartbeat | TConnectorOffline): TConnectorLastStatus {
  if (message.kind === 'offline') return { kind: 'offline', ts: message.since };
  return {
    kind: 'heartbeat',
    ts: message.ts,
    version: message.version,
    configVersion: message.configVersion,
    spoolDepthBatches: message.spool.depthBatches,
    spoolDepthPoints: message.spool.depthPoints,
    spoolBytes: message.spool.bytes,
    droppedPoints: message.spool.droppedPoints,
    lagMs: message.lagMs,
    pointsPerS: message.pointsPerS,
    publishedPerS: message.publishedPerS,
    sourcesDown: message.sources.filter((s) => s.state !== 'connected').length,
  };
}

/**
 * Stores a connector's heartbeat (or its last will) as lastSeenAt / lastStatus, in the connector's own tenant.
 * An older message than the one stored (redelivery, two ingest replicas) never moves lastSeenAt backwards.
 * Returns false when the connector no longer exists.
 */
export async function recordConnectorHeartbeat(db: Db, record: TConnectorHeartbeatRecord): Promise<boolean> {
  return withTenant(db, { tenantId: record.tenantId }, async (tx) => {
    const r = await tx.connector.updateMany({
      where: {
        id: record.connectorId,
        tenantId: record.tenantId,
        OR: [{ lastSeenAt: null }, { lastSeenAt: { lte: record.receivedAt } }],
      },
      data: { lastSeenAt: record.receivedAt, lastStatus: lastStatusOf(record.message) },
    });
    if (r.count > 0) return true;
    const exists = await tx.connector.count({ where: { id: record.connectorId, tenantId: record.tenantId } });
    return exists > 0;
  });
}
