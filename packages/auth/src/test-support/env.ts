import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface TKeycloakTestEnv {
  baseUrl: string;
  adminUsername: string;
  adminPassword: string;
}

function servicesEnv(): Record<string, string> {
  let dir = process.cwd();
  for (;;) {
    const file = path.join(dir, '.ingot', 'services.env');
    if (existsSync(file)) {
      const out: Record<string, string> = {};
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
        const m = /^\s*(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line);
        if (m?.[1]) out[m[1]] = (m[2] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2');
      }
      return out;
    }
    const up = path.dirname(dir);
    if (up === dir) return {};
    dir = up;
  }
}

/**
 * The running Keycloak for integration tests: KEYCLOAK_URL, KEYCLOAK_ADMIN_USERNAME/_PASSWORD from the
 * environment, else from `.ingot/services.env` (written by infra/local/up). Throws when there is none: these
 * tests need the real server.
 */
export function readKeycloakTestEnv(): TKeycloakTestEnv {
  const file = servicesEnv();
  const pick = (key: string) => process.env[key] || file[key];
  const baseUrl = pick('KEYCLOAK_URL');
  if (!baseUrl)
    throw new Error('KEYCLOAK_URL is not set and not in .ingot/services.env: run infra/local/up keycloak');
  return {
    baseUrl,
    adminUsername: pick('KEYCLOAK_ADMIN_USERNAME') ?? 'admin',
    adminPassword: pick('KEYCLOAK_ADMIN_PASSWORD') ?? 'admin',
  };
}
