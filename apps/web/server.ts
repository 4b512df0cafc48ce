/**
 * The platform process (`npm start`, e2e): opens the one database (PGlite allows a single process), applies
 * migrations, seeds the demo tenants, runs the platform workflow worker when a Temporal server is configured,
 * and serves the portal (Next.js) — all sharing the same database handle.
 *
 * Environment: see src/env.ts (PORT, HOST, DATABASE_OWNER_URL, INGOT_DATA_DIR, TEMPORAL_ADDRESS, ...) and
 * @ingot/db (DATABASE_URL: PostgreSQL as ingot_app; unset: PGlite under .ingot/pglite).
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoTenant } from '@ingot/api';
import {
  createKeycloakAdmin,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET_BASE32,
  DEMO_USERS,
  ensureDemoUsersInKeycloak,
} from '@ingot/auth';
import { createDbFromEnv, type Db } from '@ingot/db';
import { createPlatformWorker } from '@ingot/workflows';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import next from 'next';
import { env } from './src/env.ts';
import { PEER_IP_HEADER } from './src/server/client-ip.ts';
import {
  createIdentityDirectory,
  createPortalRuntime,
  dataDir,
  setPortalRuntime,
} from './src/server/runtime.ts';
import { startTelemetryRuntime } from './src/server/telemetry-runtime.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));
const log = (msg: string) => console.log(`[platform] ${msg}`);

async function migrateIfOwnerGiven(): Promise<void> {
  if (!env.DATABASE_OWNER_URL) return;
  const { migrate } = await import('@ingot/db/migrate');
  const { applied } = await migrate({ kind: 'postgres', url: env.DATABASE_OWNER_URL });
  log(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'database schema up to date');
}

/** The provisionTenant worker, in this process (with PGlite nothing else may open the database). */
async function startPlatformWorker(db: Db): Promise<{ stop(): Promise<void> } | null> {
  const address = env.TEMPORAL_ADDRESS;
  if (!address) {
    log('no TEMPORAL_ADDRESS: tenant provisioning is unavailable');
    return null;
  }
  try {
    // The SDK's info logs (the workflow bundle's module list) would drown the portal's own output.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const connection = await NativeConnection.connect({ address });
    const worker = await createPlatformWorker({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      db,
      directory: createIdentityDirectory(),
    });
    const running = worker.run().catch((e: unknown) => log(`platform worker stopped: ${String(e)}`));
    log(`platform worker polling ${address}`);
    return {
      async stop() {
        worker.shutdown();
        await running;
        await connection.close();
      },
    };
  } catch (e) {
    log(`platform worker not started (${e instanceof Error ? e.message : String(e)})`);
    return null;
  }
}

/**
 * Against Keycloak in development (INGOT_SEED_DEMO, admin credentials given, not production): the demo users go
 * into the realm too, so the demo tenants can be signed in to there. Never in production.
 */
async function ensureDemoIdentities(): Promise<void> {
  if (!env.KEYCLOAK_URL || !env.INGOT_SEED_DEMO) return;
  if (env.INGOT_ENV === 'production') {
    log('INGOT_ENV=production: no demo users are put into Keycloak');
    return;
  }
  if (!env.KEYCLOAK_ADMIN_USERNAME || !env.KEYCLOAK_ADMIN_PASSWORD) {
    log('no KEYCLOAK_ADMIN_USERNAME/PASSWORD: demo users are not put into Keycloak');
    return;
  }
  const admin = createKeycloakAdmin({
    baseUrl: env.KEYCLOAK_URL,
    realm: env.KEYCLOAK_REALM,
    credentials: {
      kind: 'password',
      username: env.KEYCLOAK_ADMIN_USERNAME,
      password: env.KEYCLOAK_ADMIN_PASSWORD,
    },
  });
  await ensureDemoUsersInKeycloak(admin);
  log(`demo users ready in Keycloak realm ${env.KEYCLOAK_REALM}`);
}

async function main(): Promise<void> {
  await migrateIfOwnerGiven();
  const db = createDbFromEnv();
  let demoTenantId: string | null = null;
  if (env.INGOT_SEED_DEMO) {
    const seeded = await seedDemoTenant(db);
    log(`demo tenants ready: ${Object.keys(seeded.tenants).join(', ')}`);
    demoTenantId = seeded.tenants['east-china-al']?.id ?? null;
  }
  // This process owns the database, so it also owns chDB (one data directory per process), the broker and ingest.
  const telemetry = await startTelemetryRuntime({ db, dataDir: dataDir(), demoTenantId }).catch(
    (e: unknown) => {
      log(`telemetry not started (${e instanceof Error ? e.message : String(e)})`);
      return null;
    },
  );
  // The simulator and agent are child processes: a failed start must stop them, or they outlive the platform.
  let worker: Awaited<ReturnType<typeof startPlatformWorker>> = null;
  const app = next({ dev: env.NODE_ENV === 'development', dir, hostname: env.HOST, port: env.PORT });
  try {
    await ensureDemoIdentities();
    worker = await startPlatformWorker(db);
    // With PGlite only an in-process worker can run provisioning; with PostgreSQL a separate worker may.
    const provisioning = worker !== null || db.kind === 'postgres';
    if (env.TEMPORAL_ADDRESS && !provisioning)
      log('PGlite without an in-process worker: tenant provisioning is off');
    setPortalRuntime(createPortalRuntime({ db, provisioning }));
    await app.prepare();
  } catch (e) {
    await telemetry?.stop().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    throw e;
  }
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    // The TCP peer, for the audit trail and rate limits (src/server/client-ip.ts): never what the client claims.
    req.headers[PEER_IP_HEADER] = req.socket.remoteAddress ?? '';
    void handle(req, res);
  });
  server.listen(env.PORT, env.HOST, () => {
    const shown = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
    log(`portal listening on http://${shown}:${env.PORT}`);
    const runtime = env.KEYCLOAK_URL
      ? `Keycloak ${env.KEYCLOAK_URL} (realm ${env.KEYCLOAK_REALM})`
      : 'the embedded issuer';
    log(`sign-in: ${runtime}`);
    if (env.INGOT_SEED_DEMO) {
      log(`demo sign-in (password ${DEMO_PASSWORD}):`);
      for (const u of DEMO_USERS) log(`  ${u.email.padEnd(28)} ${u.name}`);
      if (env.KEYCLOAK_URL)
        log(`administrators need a TOTP code at Keycloak: authenticator key ${DEMO_TOTP_SECRET_BASE32}`);
    }
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal}: stopping`);
    server.close();
    await telemetry?.stop().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('[platform] failed to start:', e);
  process.exit(1);
});
