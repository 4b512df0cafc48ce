import { type ChdbExecutorOptions, openChdbExecutor } from './chdb-executor.ts';
import { ClickHouseTelemetryStore, MAX_RETENTION_DAYS } from './clickhouse-telemetry-store.ts';
import { assertDatabaseName } from './schema.ts';
import { openServerExecutor } from './server-executor.ts';
import type { TelemetryStore, TelemetryStoreConfig } from './telemetry-store.ts';
import { requireIntInRange } from './validate.ts';

export const DEFAULT_DATABASE = 'ingot_telemetry';
export const DEFAULT_RETENTION_DAYS = 365;

/**
 * Opens the telemetry store on the configured backend. It does not create tables: call `ensureSchema()` once
 * at start (idempotent). With chDB, every store of a process must use the same `dataDir` (see chdb-executor.ts),
 * and the engine runs in a worker thread of the process unless `chdb.thread` is false (benchmarks, comparisons).
 */
export function openTelemetryStore(
  config: TelemetryStoreConfig,
  options: { chdb?: ChdbExecutorOptions } = {},
): TelemetryStore {
  const db = assertDatabaseName(config.database ?? DEFAULT_DATABASE);
  const retention = requireIntInRange(
    'defaultRetentionDays',
    config.defaultRetentionDays ?? DEFAULT_RETENTION_DAYS,
    1,
    MAX_RETENTION_DAYS,
  );
  switch (config.backend) {
    case 'chdb': {
      if (typeof config.dataDir !== 'string' || config.dataDir.length === 0) {
        throw new Error('dataDir: the chDB backend needs a data directory');
      }
      return new ClickHouseTelemetryStore(openChdbExecutor(config.dataDir, options.chdb), db, retention);
    }
    case 'server': {
      if (typeof config.url !== 'string' || !/^https?:\/\//.test(config.url)) {
        throw new Error('url: the server backend needs an http(s):// URL of ClickHouse');
      }
      return new ClickHouseTelemetryStore(openServerExecutor(config), db, retention);
    }
    default:
      throw new Error(`backend: must be 'chdb' or 'server'`);
  }
}
