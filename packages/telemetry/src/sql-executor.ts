/** Query parameters bound by the engine (`{name:Type}` in the SQL). Values never enter the SQL text. */
export type SqlParams = Record<string, string | number | boolean | readonly string[] | readonly number[]>;

/** The few operations the store needs from a ClickHouse engine, implemented by chDB and by the server client. */
export interface SqlExecutor {
  readonly backend: 'chdb' | 'server';
  /** Runs a SELECT and returns its rows (JSONEachRow). */
  query<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Runs a statement without a result (DDL, INSERT ... SELECT). */
  command(sql: string, params?: SqlParams): Promise<void>;
  /** Inserts rows as JSONEachRow with the given settings; resolves once the insert has committed. */
  insert(
    table: string,
    rows: readonly Record<string, unknown>[],
    settings: Record<string, string | number>,
  ): Promise<void>;
  close(): Promise<void>;
}
