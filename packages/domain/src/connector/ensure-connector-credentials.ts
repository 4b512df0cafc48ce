import { type Db, withTenant } from '@ingot/db';
import {
  generateConnectorPassword,
  hashConnectorPassword,
  verifyConnectorPassword,
} from './connector-password.ts';
import { connectorUsername } from './connector-username.ts';

export interface TEnsureConnectorInput {
  tenantId: string;
  plantCode: string;
  code: string;
  name: string;
  /** The password the local agent already holds (its password file), if any. */
  knownPassword?: string | null;
}

export interface TEnsuredConnector {
  connectorId: string;
  username: string;
  tenantSlug: string;
  plantCode: string;
  code: string;
  /** The password to hand to the agent: `knownPassword` when it still matches, else a newly issued one. */
  password: string;
  issued: boolean;
}

/**
 * For `npm start`'s demo: makes sure the connector exists and that the local agent holds valid credentials,
 * issuing new ones (scrypt hash stored, audited with no actor) only when the agent's password does not match.
 * Idempotent across restarts. Not for the portal: there a person issues credentials and sees them once.
 */
export async function ensureConnectorCredentials(
  db: Db,
  input: TEnsureConnectorInput,
): Promise<TEnsuredConnector> {
  return withTenant(db, { tenantId: input.tenantId }, async (tx) => {
    const tenant = await tx.tenant.findFirst({ where: { id: input.tenantId }, select: { slug: true } });
    const plant = await tx.plant.findFirst({ where: { tenantId: input.tenantId, code: input.plantCode } });
    if (!tenant || !plant) throw new Error(`no plant ${input.plantCode} in tenant ${input.tenantId}`);
    const username = connectorUsername(tenant.slug, input.code);
    let row = await tx.connector.findFirst({ where: { tenantId: input.tenantId, code: input.code } });
    if (!row) {
      row = await tx.connector.create({
        data: { tenantId: input.tenantId, plantId: plant.id, code: input.code, name: input.name, username },
      });
      await tx.auditEvent.create({
        data: {
          tenantId: input.tenantId,
          action: 'connector.create',
          targetType: 'connector',
          targetId: row.id,
          outcome: 'success',
          details: { code: row.code, username, by: 'demo-start' },
        },
      });
    }
    const base = {
      connectorId: row.id,
      username: row.username,
      tenantSlug: tenant.slug,
      plantCode: plant.code,
      code: row.code,
    };
    if (
      input.knownPassword &&
      !row.revokedAt &&
      (await verifyConnectorPassword(input.knownPassword, row.passwordHash))
    ) {
      return { ...base, password: input.knownPassword, issued: false };
    }
    const password = generateConnectorPassword();
    await tx.connector.update({
      where: { id: row.id },
      data: {
        passwordHash: await hashConnectorPassword(password),
        credentialsIssuedAt: new Date(),
        revokedAt: null,
      },
    });
    await tx.auditEvent.create({
      data: {
        tenantId: input.tenantId,
        action: 'connector.issue-credentials',
        targetType: 'connector',
        targetId: row.id,
        outcome: 'success',
        details: { code: row.code, username: row.username, by: 'demo-start' },
      },
    });
    return { ...base, password, issued: true };
  });
}
