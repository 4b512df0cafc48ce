import path from 'node:path';
import type { TGetProvisionTenantStatus, TStartProvisionTenant } from '@ingot/api';
import { createEmbeddedIssuer, type TEmbeddedIssuer } from '@ingot/auth';
import { createDbFromEnv, type Db } from '@ingot/db';
import { env } from '../env.ts';

/**
 * The portal's process-wide singletons: one database handle (PGlite allows one process), the identity issuer and
 * the workflow client. Kept on globalThis under a registered symbol, so the platform process (server.ts) and the
 * Next.js bundles it serves share one instance, and dev-mode reloads do not open a second database.
 */
export interface TPortalRuntime {
  db: Db;
  issuer: TEmbeddedIssuer;
  startProvisionTenant: TStartProvisionTenant | null;
  getProvisionTenantStatus: TGetProvisionTenantStatus | null;
}

const KEY = Symbol.for('ingot.portal.runtime');
type TGlobal = typeof globalThis & { [KEY]?: Promise<TPortalRuntime> };

/** Lets the platform process hand over what it has already opened. */
export function setPortalRuntime(runtime: Promise<TPortalRuntime>): void {
  (globalThis as TGlobal)[KEY] = runtime;
}

export function getPortalRuntime(): Promise<TPortalRuntime> {
  const g = globalThis as TGlobal;
  g[KEY] ??= createPortalRuntime();
  return g[KEY];
}

export function dataDir(): string {
  return env.INGOT_DATA_DIR ?? path.resolve(process.cwd(), '.ingot');
}

/**
 * `provisioning: false` leaves tenant provisioning off even with a Temporal address: with PGlite no worker outside
 * this process can reach the database, so a started workflow would never run.
 */
export async function createPortalRuntime(
  opts: { db?: Db; provisioning?: boolean } = {},
): Promise<TPortalRuntime> {
  const db = opts.db ?? createDbFromEnv();
  const issuer = await createEmbeddedIssuer({
    keyDir: path.join(dataDir(), 'issuer'),
    production: env.INGOT_ENV === 'production',
  });
  const workflows =
    opts.provisioning === false
      ? { startProvisionTenant: null, getProvisionTenantStatus: null }
      : createWorkflowFunctions();
  return { db, issuer, ...workflows };
}

/** Temporal client functions, connecting on first use (the portal starts even when Temporal is down). */
function createWorkflowFunctions(): Pick<
  TPortalRuntime,
  'startProvisionTenant' | 'getProvisionTenantStatus'
> {
  const address = env.TEMPORAL_ADDRESS;
  if (!address) return { startProvisionTenant: null, getProvisionTenantStatus: null };
  let client: Promise<import('@temporalio/client').Client> | null = null;
  const connect = async () => {
    const workflows = await import('@ingot/workflows/client');
    client ??= workflows
      .createTemporalClient(address, { namespace: env.TEMPORAL_NAMESPACE })
      .catch((e: unknown) => {
        client = null;
        throw e;
      });
    return { workflows, client: await client };
  };
  return {
    startProvisionTenant: async (input) => {
      const { workflows, client: c } = await connect();
      return workflows.startProvisionTenant(c, input, { taskQueue: env.TEMPORAL_TASK_QUEUE });
    },
    getProvisionTenantStatus: async (slug) => {
      const { workflows, client: c } = await connect();
      return workflows.getProvisionTenantStatus(c, slug);
    },
  };
}
