import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@ingot/db';

export type TestDatabaseKind = 'postgres' | 'pglite';

export interface TTestEnv {
  /** Owner/migrator role on the test cluster; creates and drops one database per suite. */
  ownerUrl: string | undefined;
  /** Application role (ingot_app) on the test cluster. */
  appUrl: string | undefined;
  /** Which databases suites run against (INGOT_TEST_DATABASES=postgres,pglite; default both). */
  kinds: TestDatabaseKind[];
  /** Where the URLs came from, for error messages. */
  source: string;
}

/** `<repo>/.ingot/services.env`, written by infra/local/up. */
export function servicesEnvPath(): string {
  return path.join(findRepoRoot(), '.ingot', 'services.env');
}

/** KEY=VALUE lines of a services.env file (comments and blank lines ignored, quotes stripped). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(raw);
    if (!m?.[1] || raw.trim().startsWith('#')) continue;
    out[m[1]] = (m[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/**
 * The test database settings: the process environment first, `.ingot/services.env` for what it lacks (so
 * `npx vitest` works in a package without sourcing anything).
 */
export function readTestEnv(): TTestEnv {
  const file = servicesEnvPath();
  const fromFile = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  const pick = (key: string) => {
    const own = process.env[key];
    if (own) return { value: own, source: `environment variable ${key}` };
    const filed = fromFile[key];
    return filed ? { value: filed, source: `${key} in ${file}` } : undefined;
  };
  const owner = pick('TEST_DATABASE_OWNER_URL');
  const app = pick('TEST_DATABASE_URL');
  const requested = (process.env.INGOT_TEST_DATABASES ?? 'postgres,pglite')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = requested.filter((k) => k !== 'postgres' && k !== 'pglite');
  if (unknown.length > 0 || requested.length === 0) {
    throw new Error(
      `INGOT_TEST_DATABASES must list postgres and/or pglite, got "${process.env.INGOT_TEST_DATABASES}"`,
    );
  }
  return {
    ownerUrl: owner?.value,
    appUrl: app?.value,
    kinds: requested as TestDatabaseKind[],
    source: owner?.source ?? `(no TEST_DATABASE_OWNER_URL in the environment nor in ${file})`,
  };
}
