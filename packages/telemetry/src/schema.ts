/**
 * ClickHouse schema of the telemetry store, as numbered migrations. Every statement is idempotent
 * (`IF NOT EXISTS`), so several processes may apply them at once; `schema_migrations` records what ran.
 *
 * Sort keys start with tenant_id (DESIGN.md) and then plant_id, because equipment codes are unique per plant,
 * not per tenant. Every MergeTree that an insert reaches, directly or through a materialized view, keeps a
 * deduplication window so a retried batch (same insert_deduplication_token) stores nothing twice, also in the
 * rollups (see README, "Exactly once").
 */

/** Block ids kept per table for deduplication: the number of recent inserts a retry can still be matched to. */
export const DEDUP_WINDOW = 100_000;

export interface Migration {
  version: number;
  description: string;
  statements: (db: string) => string[];
}

const dedup = `non_replicated_deduplication_window = ${DEDUP_WINDOW}`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'points, one-minute rollup, latest values, equipment state events',
    statements: (db) => [
      `CREATE TABLE IF NOT EXISTS ${db}.points (
        tenant_id LowCardinality(String),
        plant_id LowCardinality(String),
        connector_id LowCardinality(String),
        equipment LowCardinality(String),
        tag LowCardinality(String),
        ts DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
        value Nullable(Float64) CODEC(Gorilla, ZSTD(1)),
        text Nullable(String) CODEC(ZSTD(1)),
        quality Enum8('good' = 0, 'uncertain' = 1, 'bad' = 2),
        retention_days UInt16,
        ingested_at DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(DoubleDelta, ZSTD(1))
      )
      ENGINE = MergeTree
      PARTITION BY toDate(ts)
      ORDER BY (tenant_id, plant_id, equipment, tag, ts)
      TTL toDateTime(ts) + toIntervalDay(retention_days)
      SETTINGS ${dedup}`,

      `CREATE TABLE IF NOT EXISTS ${db}.points_1m (
        tenant_id LowCardinality(String),
        plant_id LowCardinality(String),
        equipment LowCardinality(String),
        tag LowCardinality(String),
        minute DateTime('UTC'),
        min_v SimpleAggregateFunction(min, Nullable(Float64)),
        max_v SimpleAggregateFunction(max, Nullable(Float64)),
        avg_v AggregateFunction(avg, Nullable(Float64)),
        count_v AggregateFunction(count, Nullable(Float64)),
        last_v AggregateFunction(argMax, Nullable(Float64), DateTime64(3, 'UTC')),
        bad_count SimpleAggregateFunction(sum, UInt64),
        samples SimpleAggregateFunction(sum, UInt64),
        retention_days SimpleAggregateFunction(max, UInt16)
      )
      ENGINE = AggregatingMergeTree
      PARTITION BY toYYYYMM(minute)
      ORDER BY (tenant_id, plant_id, equipment, tag, minute)
      TTL minute + toIntervalDay(retention_days)
      SETTINGS ${dedup}`,

      // Values of `bad` quality are left out of min/max/avg/count/last and counted in bad_count; samples counts
      // every row (bad and valueless ones too), which is how a long trend decides between raw points and buckets.
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.points_1m_mv TO ${db}.points_1m AS
      SELECT
        tenant_id, plant_id, equipment, tag,
        toStartOfMinute(ts) AS minute,
        min(if(quality = 'bad', NULL, value)) AS min_v,
        max(if(quality = 'bad', NULL, value)) AS max_v,
        avgState(if(quality = 'bad', NULL, value)) AS avg_v,
        countState(if(quality = 'bad', NULL, value)) AS count_v,
        argMaxState(if(quality = 'bad', NULL, value), ts) AS last_v,
        toUInt64(countIf(quality = 'bad')) AS bad_count,
        toUInt64(count()) AS samples,
        max(retention_days) AS retention_days
      FROM ${db}.points
      GROUP BY tenant_id, plant_id, equipment, tag, minute`,

      `CREATE TABLE IF NOT EXISTS ${db}.points_latest (
        tenant_id LowCardinality(String),
        plant_id LowCardinality(String),
        equipment LowCardinality(String),
        tag LowCardinality(String),
        last_ts SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
        last AggregateFunction(argMax, Tuple(Nullable(Float64), Nullable(String), Enum8('good' = 0, 'uncertain' = 1, 'bad' = 2)), DateTime64(3, 'UTC')),
        retention_days SimpleAggregateFunction(max, UInt16)
      )
      ENGINE = AggregatingMergeTree
      ORDER BY (tenant_id, plant_id, equipment, tag)
      TTL toDateTime(last_ts) + toIntervalDay(retention_days)
      SETTINGS ${dedup}`,

      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.points_latest_mv TO ${db}.points_latest AS
      SELECT
        tenant_id, plant_id, equipment, tag,
        max(ts) AS last_ts,
        argMaxState((value, text, quality), ts) AS last,
        max(retention_days) AS retention_days
      FROM ${db}.points
      GROUP BY tenant_id, plant_id, equipment, tag`,

      `CREATE TABLE IF NOT EXISTS ${db}.equipment_states (
        tenant_id LowCardinality(String),
        plant_id LowCardinality(String),
        connector_id LowCardinality(String),
        equipment LowCardinality(String),
        ts DateTime64(3, 'UTC'),
        state LowCardinality(String),
        reason Nullable(String),
        retention_days UInt16
      )
      ENGINE = MergeTree
      PARTITION BY toYYYYMM(ts)
      ORDER BY (tenant_id, plant_id, equipment, ts)
      TTL toDateTime(ts) + toIntervalDay(retention_days)
      SETTINGS ${dedup}`,

      `CREATE TABLE IF NOT EXISTS ${db}.equipment_states_latest (
        tenant_id LowCardinality(String),
        plant_id LowCardinality(String),
        equipment LowCardinality(String),
        last_ts SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
        last AggregateFunction(argMax, Tuple(String, Nullable(String)), DateTime64(3, 'UTC')),
        retention_days SimpleAggregateFunction(max, UInt16)
      )
      ENGINE = AggregatingMergeTree
      ORDER BY (tenant_id, plant_id, equipment)
      TTL toDateTime(last_ts) + toIntervalDay(retention_days)
      SETTINGS ${dedup}`,

      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.equipment_states_latest_mv TO ${db}.equipment_states_latest AS
      SELECT
        tenant_id, plant_id, equipment,
        max(ts) AS last_ts,
        argMaxState((toString(state), reason), ts) AS last,
        max(retention_days) AS retention_days
      FROM ${db}.equipment_states
      GROUP BY tenant_id, plant_id, equipment`,
    ],
  },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** Tables that must exist for the store to work (checked by tests). */
export const TABLES = [
  'points',
  'points_1m',
  'points_latest',
  'equipment_states',
  'equipment_states_latest',
] as const;

export const migrationsTable = (db: string) =>
  `CREATE TABLE IF NOT EXISTS ${db}.schema_migrations (
    version UInt32,
    description String,
    applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
  )
  ENGINE = ReplacingMergeTree(applied_at)
  ORDER BY version`;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Database names are interpolated into DDL (ClickHouse binds values, not identifiers): allow plain identifiers only. */
export function assertDatabaseName(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(
      `database: "${name}" is not a plain identifier (letters, digits, underscore; 63 at most)`,
    );
  }
  return name;
}
