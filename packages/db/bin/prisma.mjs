#!/usr/bin/env node
// Runs the Prisma CLI offline: points PRISMA_SCHEMA_ENGINE_BINARY at our WASM engine shim (bin/schema-engine.mjs)
// and fills DATABASE_OWNER_URL from <repo>/.ingot/services.env (written by infra/local/up) when the environment
// does not set it. Migrations must run as the owner role: the app role (DATABASE_URL) owns nothing.
//
//   node bin/prisma.mjs migrate dev --create-only --name add_orders
//   node bin/prisma.mjs migrate deploy | migrate status | generate
//   node bin/prisma.mjs check-drift      exit 0 when migrations and schema.prisma agree, 2 when they do not
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

/** The monorepo root: the nearest folder above this package whose package.json declares workspaces. */
function findRepoRoot(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).workspaces) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** KEY=VALUE lines; `#` comments; optional quotes. Never overrides what the environment already has. */
function loadEnvFile(file) {
  if (!existsSync(file)) return false;
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, rawValue] = m;
    const value = rawValue.replace(/^(['"])(.*)\1$/, '$2');
    if (process.env[key] === undefined) process.env[key] = value;
  }
  return true;
}

const servicesEnv = join(findRepoRoot(packageDir), '.ingot', 'services.env');
if (!process.env.DATABASE_OWNER_URL) loadEnvFile(servicesEnv);

let args = process.argv.slice(2);
// `check-drift`: does applying every migration produce exactly schema.prisma? (CI runs it.) Accepts
// `--schema <file>` and `--migrations <dir>` to check other copies (the drift test does).
if (args[0] === 'check-drift') {
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  args = [
    'migrate',
    'diff',
    '--from-migrations',
    opt('--migrations', 'prisma/migrations'),
    '--to-schema',
    opt('--schema', 'prisma/schema.prisma'),
    '--exit-code',
  ];
}

const needsDatabase = ['migrate', 'db'].includes(args[0] ?? '');
if (needsDatabase && !process.env.DATABASE_OWNER_URL) {
  console.error(
    `prisma: DATABASE_OWNER_URL is not set and ${servicesEnv} does not provide it.\n` +
      'Start PostgreSQL with `infra/local/up postgres` (or export DATABASE_OWNER_URL) and retry.',
  );
  process.exit(1);
}

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const child = spawn(process.execPath, [cli, ...args], {
  cwd: packageDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: join(packageDir, 'bin', 'schema-engine.mjs'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 1);
});
