import type { Db } from '@ingot/db';
import type { TConnectorCredentials, TCredentialLookup } from './identity.ts';

interface Row {
  connector_id: string;
  tenant_id: string;
  tenant_slug: string;
  plant_id: string;
  plant_code: string;
  connector_code: string;
  password_hash: string | null;
  revoked: boolean;
}

/**
 * Reads a connector's credentials by MQTT username through the SECURITY DEFINER function
 * app_connector_credentials (the one cross-tenant read the broker needs; the app role gets nothing wider).
 * No cache: a revocation or a reissued password takes effect at the next CONNECT.
 */
export function credentialLookupFromDb(db: Db): TCredentialLookup {
  return async (username) => {
    if (username.length === 0 || username.length > 200) return null;
    const rows = await db.prisma.$queryRaw<Row[]>`
      SELECT connector_id::text AS connector_id, tenant_id::text AS tenant_id, tenant_slug, plant_id::text AS plant_id,
             plant_code, connector_code, password_hash, revoked
        FROM app_connector_credentials(${username})`;
    const r = rows[0];
    if (!r) return null;
    const c: TConnectorCredentials = {
      connectorId: r.connector_id,
      tenantId: r.tenant_id,
      tenantSlug: r.tenant_slug,
      plantId: r.plant_id,
      plantCode: r.plant_code,
      connectorCode: r.connector_code,
      passwordHash: r.password_hash,
      revoked: r.revoked,
    };
    return c;
  };
}
