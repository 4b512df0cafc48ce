import path from 'node:path';
import type { TGetProvisionTenantStatus, TStartProvisionTenant } from '@ingot/api';
import {
  createEmbeddedIssuer,
  createKeycloakDirectoryFromSettings,
  createKeycloakVerifier,
  keycloakIssuer,
  PORTAL_CLIENT_ID,
  type TEmbeddedIssuer,
  type TIdentityDirectory,
  type TTokenVerifier,
} from '@ingot/auth';
import type { TLabWorkflowGateway, TPlanWorkflowGateway } from '@ingot/contracts';
import { createDbFromEnv, type Db } from '@ingot/db';
import { env } from '../env.ts';

/**
 * Who signs people in: Keycloak when KEYCLOAK_URL is set, else the embedded issuer (which refuses production).
 * Either way the browser runs the same keycloak-js code (generic OIDC configuration: `issuer` + `clientId`) and the
 * API the same verifier code (`verify`).
 */
export interface TPortalIdentity {
  kind: 'keycloak' | 'embedded';
  issuer: string;
  clientId: string;
  verify: TTokenVerifier;
  /** The embedded issuer's OIDC endpoints (mounted at /oidc); null with Keycloak. */
  embedded: TEmbeddedIssuer | null;
  /** Member accounts in Keycloak (invites); null with the embedded issuer or without admin credentials. */
  directory: TIdentityDirectory | null;
}

/**
 * The portal's process-wide singletons: one database handle (PGlite allows one process), the identity issuer and
 * the workflow client. Kept on globalThis under a registered symbol, so the platform process (server.ts) and the
 * Next.js bundles it serves share one instance, and dev-mode reloads do not open a second database.
 */
export interface TPortalRuntime {
  db: Db;
  identity: TPortalIdentity;
  startProvisionTenant: TStartProvisionTenant | null;
  getProvisionTenantStatus: TGetProvisionTenantStatus | null;
  planWorkflows: TPlanWorkflowGateway | null;
  labWorkflows: TLabWorkflowGateway | null;
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

/** The portal's URL as browsers reach it: INGOT_PUBLIC_URL, else from HOST and PORT. */
export function publicUrl(): string {
  if (env.INGOT_PUBLIC_URL) return env.INGOT_PUBLIC_URL.replace(/\/+$/, '');
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  return `http://${host}:${env.PORT}`;
}

export async function createPortalIdentity(): Promise<TPortalIdentity> {
  if (env.KEYCLOAK_URL) {
    const verify = createKeycloakVerifier({ baseUrl: env.KEYCLOAK_URL, realm: env.KEYCLOAK_REALM });
    return {
      kind: 'keycloak',
      issuer: keycloakIssuer(env.KEYCLOAK_URL, env.KEYCLOAK_REALM),
      clientId: PORTAL_CLIENT_ID,
      verify,
      embedded: null,
      directory: createIdentityDirectory(),
    };
  }
  const embedded = await createEmbeddedIssuer({
    keyDir: path.join(dataDir(), 'issuer'),
    production: env.INGOT_ENV === 'production',
    issuer: `${publicUrl()}/oidc`,
    accessTtlSeconds: env.INGOT_ACCESS_TOKEN_TTL_SECONDS,
  });
  return {
    kind: 'embedded',
    issuer: embedded.issuer,
    clientId: PORTAL_CLIENT_ID,
    verify: embedded.verify,
    embedded,
    directory: null,
  };
}

/**
 * Keycloak's admin API for member invites and first administrators: the service account's credentials
 * (KEYCLOAK_CLIENT_ID/SECRET), else the admin's (development); null without Keycloak or credentials.
 */
export function createIdentityDirectory(): TIdentityDirectory | null {
  if (!env.KEYCLOAK_URL) return null;
  return createKeycloakDirectoryFromSettings({
    baseUrl: env.KEYCLOAK_URL,
    realm: env.KEYCLOAK_REALM,
    clientId: env.KEYCLOAK_CLIENT_ID,
    clientSecret: env.KEYCLOAK_CLIENT_SECRET,
    adminUsername: env.KEYCLOAK_ADMIN_USERNAME,
    adminPassword: env.KEYCLOAK_ADMIN_PASSWORD,
    portalUrl: publicUrl(),
  });
}

/**
 * `provisioning: false` leaves tenant provisioning off even with a Temporal address: with PGlite no worker outside
 * this process can reach the database, so a started workflow would never run.
 */
export async function createPortalRuntime(
  opts: { db?: Db; provisioning?: boolean } = {},
): Promise<TPortalRuntime> {
  const db = opts.db ?? createDbFromEnv();
  const identity = await createPortalIdentity();
  const workflows =
    opts.provisioning === false
      ? {
          startProvisionTenant: null,
          getProvisionTenantStatus: null,
          planWorkflows: null,
          labWorkflows: null,
        }
      : createWorkflowFunctions();
  return { db, identity, ...workflows };
}

/** Temporal client functions, connecting on first use (the portal starts even when Temporal is down). */
function createWorkflowFunctions(): Pick<
  TPortalRuntime,
  'startProvisionTenant' | 'getProvisionTenantStatus' | 'planWorkflows' | 'labWorkflows'
> {
  const address = env.TEMPORAL_ADDRESS;
  if (!address)
    return {
      startProvisionTenant: null,
      getProvisionTenantStatus: null,
      planWorkflows: null,
      labWorkflows: null,
    };
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
    planWorkflows: {
      requestPlan: async (input) => (await planGateway()).requestPlan(input),
      planStatus: async (input) => (await planGateway()).planStatus(input),
      orderEvent: async (input) => (await planGateway()).orderEvent(input),
    },
    labWorkflows: {
      startInspection: async (input) => (await labGateway()).startInspection(input),
      signalInspection: async (input) => (await labGateway()).signalInspection(input),
    },
  };

  async function labGateway() {
    const { workflows, client: c } = await connect();
    return workflows.createLabWorkflows(c, { taskQueue: env.TEMPORAL_TASK_QUEUE });
  }

  async function planGateway() {
    const { workflows, client: c } = await connect();
    return workflows.createPlanWorkflows(c, { taskQueue: env.TEMPORAL_TASK_QUEUE });
  }
}
