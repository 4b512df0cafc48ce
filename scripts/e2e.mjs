// The e2e tier: builds the portal, starts the platform process on a fresh database against the real
// services, and drives it with Playwright in Debian's Chromium (apps/web/e2e).
import path from 'node:path';
import pg from 'pg';
import { log, root, run, startService, stopService } from './lib.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Drops and recreates the e2e database as the owner role, so each run starts from the demo seed. */
async function freshDatabase(ownerUrl, name) {
  const admin = new pg.Client({ connectionString: ownerUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/**
 * The e2e portal works in a Temporal namespace of its own (created by infra/local/temporal.sh). Workflow ids come
 * from business keys and the demo tenants' ids are fixed, so a planning or order workflow left running by an earlier
 * e2e run (whose worker and database are gone) would receive this run's signals and never answer: end them first.
 */
const E2E_NAMESPACE = 'ingot-e2e';
function endEarlierE2eWorkflows() {
  const cli = process.env.TEMPORAL_CLI_PATH;
  const address = process.env.TEMPORAL_ADDRESS;
  if (!cli || !address) return;
  run(
    cli,
    [
      'workflow',
      'terminate',
      '--address',
      address,
      '--namespace',
      E2E_NAMESPACE,
      '--query',
      'ExecutionStatus="Running"',
      '--reason',
      'an earlier e2e run',
      '--yes',
    ],
    { stdio: 'ignore' },
  );
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function runE2e(runVitest) {
  const build = run('npx', ['turbo', 'run', 'build', '--filter=@ingot/web', '--output-logs=errors-only']);
  if (build !== 0) return build;
  const ownerUrl = process.env.TEST_DATABASE_OWNER_URL;
  const appUrl = process.env.TEST_DATABASE_URL;
  if (!ownerUrl || !appUrl)
    throw new Error('TEST_DATABASE_OWNER_URL / TEST_DATABASE_URL missing: run infra/local/up');
  await freshDatabase(ownerUrl, 'ingot_e2e');
  endEarlierE2eWorkflows();
  const baseUrl = `http://127.0.0.1:${PORT}`;
  log(`starting the platform on ${baseUrl} (log: .ingot/logs/e2e-server.log)`);
  const server = await startService({
    name: 'platform (e2e)',
    cmd: path.join(root, 'node_modules/.bin/tsx'),
    args: ['apps/web/server.ts'],
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: withDatabase(appUrl, 'ingot_e2e'),
      DATABASE_OWNER_URL: withDatabase(ownerUrl, 'ingot_e2e'),
      INGOT_DATA_DIR: path.join(root, '.ingot', 'e2e'),
      NODE_ENV: 'production',
      // Its own task queue: a portal started by `npm start` on the same Temporal server must not take its work.
      TEMPORAL_TASK_QUEUE: `ingot-platform-e2e-${process.pid}`,
      TEMPORAL_NAMESPACE: E2E_NAMESPACE,
      // The live view and trends (telemetry.e2e.test.ts) need the simulator, agent, broker, ingest and chDB.
      INGOT_TELEMETRY: 'on',
    },
    url: `${baseUrl}/api/health`,
    logFile: path.join(root, '.ingot', 'logs', 'e2e-server.log'),
  });
  try {
    // E2E_FILES=a.e2e.test.ts,b.e2e.test.ts runs only those files (while working on one flow).
    const files = (process.env.E2E_FILES ?? '').split(',').filter(Boolean);
    return runVitest(['--config', 'apps/web/vitest.e2e.config.ts', '--no-file-parallelism', ...files], {
      E2E_BASE_URL: baseUrl,
    });
  } finally {
    await stopService(server);
  }
}
