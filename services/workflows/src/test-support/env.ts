import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';

/**
 * Where integration tests find the real services: the process environment first (CI, `npm test`), then the
 * services.env that infra/local/up writes into <repo>/.ingot. No fallback to a mock: a missing server fails
 * the run with the command that starts it.
 */
const SERVICES_ENV = fileURLToPath(new URL('../../../../.ingot/services.env', import.meta.url));

function readServicesEnv(): Record<string, string> {
  if (!existsSync(SERVICES_ENV)) return {};
  const entries: Record<string, string> = {};
  for (const line of readFileSync(SERVICES_ENV, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) entries[match[1]] = match[2].trim();
  }
  return entries;
}

export function serviceVariable(name: string): string | undefined {
  return process.env[name] || readServicesEnv()[name];
}

export interface TemporalTarget {
  address: string;
  namespace: string;
}

/** The Temporal dev server the tests use; throws (never skips) when none answers. */
export async function requireTemporal(): Promise<TemporalTarget> {
  const address = serviceVariable('TEMPORAL_ADDRESS');
  const namespace = serviceVariable('TEMPORAL_NAMESPACE') ?? 'default';
  if (!address) {
    throw new Error(
      `TEMPORAL_ADDRESS is not set and ${SERVICES_ENV} does not name it: start the services with infra/local/up`,
    );
  }
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: '5 seconds' });
    await connection.workflowService.describeNamespace({ namespace });
  } catch (err) {
    throw new Error(
      `Temporal dev server not reachable at ${address} (namespace ${namespace}): run infra/local/up. ` +
        `Cause: ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    await connection?.close();
  }
  return { address, namespace };
}
