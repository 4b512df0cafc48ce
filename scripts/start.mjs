#!/usr/bin/env node
// `npm start`: the whole platform on one machine on embedded defaults — PGlite under .ingot/, the
// embedded identity issuer, the demo tenant — at http://localhost:3000. Real services are used instead
// wherever their variables are set (DATABASE_URL, TEMPORAL_ADDRESS, ...).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureInstalled, log, must, readServicesEnv, root } from './lib.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.TURBO_TELEMETRY_DISABLED = '1';

ensureInstalled();
must('npx', ['turbo', 'run', 'build', '--filter=@ingot/web', '--output-logs=errors-only']);

// Workflows need a Temporal server. Without TEMPORAL_ADDRESS, the launcher starts the local dev server
// (built once from its Go module by infra/local, cached under ~/.cache/ingot); without Go on the machine,
// the portal runs and says that tenant provisioning is unavailable.
if (!process.env.TEMPORAL_ADDRESS) {
  const hasGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
  if (hasGo) {
    log(
      'starting the Temporal dev server (first run builds it from its Go module; later runs take seconds)…',
    );
    const r = spawnSync('bash', [path.join(root, 'infra/local/up'), 'temporal'], { stdio: 'inherit' });
    const address = readServicesEnv().TEMPORAL_ADDRESS;
    if (r.status === 0 && address) process.env.TEMPORAL_ADDRESS = address;
  }
  if (!process.env.TEMPORAL_ADDRESS)
    log('no Temporal server: the portal runs, tenant provisioning is unavailable');
}

const server = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/web/server.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', PORT: process.env.PORT ?? '3000' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
