import {
  type ClickHouseClientConfigOptions,
  type ClickHouseSettings,
  createClient,
} from '@clickhouse/client';
import type { SqlExecutor, SqlParams } from './sql-executor.ts';

export interface ServerExecutorConfig {
  url: string;
  username?: string;
  password?: string;
  requestTimeoutMs?: number;
  /**
   * A @clickhouse/client Connection to use instead of HTTP. Tests pass chDB's in-process Connection
   * (`chdb/connection`) to run this backend's client code without a server; production leaves it unset.
   */
  connection?: ClickHouseClientConfigOptions['connection'];
}

/** A ClickHouse server over HTTP with @clickhouse/client. Inserts resolve after the server has committed them. */
export function openServerExecutor(config: ServerExecutorConfig): SqlExecutor {
  const client = createClient({
    url: config.url,
    // Credentials may also come in the URL (http://user:pass@host:8123); pass them only when given separately.
    ...(config.username !== undefined ? { username: config.username } : {}),
    ...(config.password !== undefined ? { password: config.password } : {}),
    request_timeout: config.requestTimeoutMs ?? 30_000,
    ...(config.connection ? { connection: config.connection } : {}),
    clickhouse_settings: {
      // The HTTP status must reflect the whole query, so an insert is acknowledged only once committed.
      wait_end_of_query: 1,
      output_format_json_quote_64bit_integers: 0,
    },
  });
  return {
    backend: 'server',
    async query<T>(sql: string, params?: SqlParams): Promise<T[]> {
      const result = await client.query({ query: sql, query_params: params ?? {}, format: 'JSONEachRow' });
      return result.json<T>();
    },
    async command(sql: string, params?: SqlParams): Promise<void> {
      await client.command({ query: sql, query_params: params ?? {} });
    },
    async insert(table, rows, settings): Promise<void> {
      if (rows.length === 0) return;
      await client.insert({
        table,
        values: rows as Record<string, unknown>[],
        format: 'JSONEachRow',
        clickhouse_settings: settings as ClickHouseSettings,
      });
    },
    async close(): Promise<void> {
      await client.close();
    },
  };
}
