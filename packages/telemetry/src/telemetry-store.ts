/**
 * The public face of Ingot's telemetry store (ClickHouse). One interface, two backends: chDB in-process
 * (`backend: 'chdb'`) and a ClickHouse server over @clickhouse/client (`backend: 'server'`).
 *
 * Tenancy: every write and every query takes the tenant as its first, required argument and the SQL filters by
 * it with a bound parameter. The tenant is never read from a point or a payload.
 */

export const TELEMETRY_QUALITIES = ['good', 'uncertain', 'bad'] as const;
export type TelemetryQuality = (typeof TELEMETRY_QUALITIES)[number];

/** A timestamp: a Date or epoch milliseconds (UTC). Stored with millisecond precision. */
export type TelemetryTime = Date | number;

/** One sample of one tag. Equipment codes are unique per plant, so (plantId, equipment, tag) names a series. */
export interface TelemetryPoint {
  plantId: string;
  connectorId: string;
  equipment: string;
  tag: string;
  ts: TelemetryTime;
  /** Numeric value; null for a non-numeric tag (then `text`) or a sample without a value. */
  value: number | null;
  /** Text value (coil id, die id, ...). */
  text?: string | null;
  quality: TelemetryQuality;
}

/** A change of an equipment's operating state (run / idle / fault / ...) at `ts`. */
export interface EquipmentStateEvent {
  plantId: string;
  connectorId: string;
  equipment: string;
  ts: TelemetryTime;
  /** Short lowercase code, e.g. `run`, `idle`, `fault`, `setup`, `maintenance`. */
  state: string;
  reason?: string | null;
}

export interface InsertOptions {
  /**
   * Exactly-once key of this batch, `connectorId:batchSeq`. Inserting the same token again (a retry after a crash
   * or a redelivered MQTT message) stores nothing the second time, within the dedup window (see README).
   * The store scopes it by tenant, so two tenants can never collide.
   */
  dedupToken: string;
  /** Days to keep these rows (the tenant's retention). Defaults to the store's `defaultRetentionDays`. */
  retentionDays?: number;
}

export interface InsertResult {
  /** Rows handed to the engine (a deduplicated retry still reports them; storage keeps one copy). */
  rows: number;
}

export interface LatestFilter {
  plantId?: string;
  equipment?: readonly string[];
  tags?: readonly string[];
}

export interface LatestValue {
  plantId: string;
  equipment: string;
  tag: string;
  ts: Date;
  value: number | null;
  text: string | null;
  quality: TelemetryQuality;
}

export interface LatestState {
  plantId: string;
  equipment: string;
  ts: Date;
  state: string;
  reason: string | null;
}

export interface SeriesRequest {
  plantId: string;
  equipment: string;
  tag: string;
  from: TelemetryTime;
  /** Exclusive. */
  to: TelemetryTime;
  /** Width of the chart in pixels: the answer holds at most this many buckets (or raw points). */
  widthPx: number;
  /** IANA zone used to align buckets of an hour or more (plant local days). Default UTC. */
  timeZone?: string;
}

/** One bucket of a series. For raw points, min = max = avg = last = the value and count = 1. */
export interface SeriesBucket {
  ts: Date;
  min: number | null;
  max: number | null;
  avg: number | null;
  last: number | null;
  /** Samples with a value and quality other than `bad` (the ones min/max/avg/last are computed from). */
  count: number;
  /** Samples with quality `bad`, left out of min/max/avg/last. */
  badCount: number;
}

export interface Series {
  /** `raw`: the points themselves; `points`: buckets under a minute from the points table; `rollup_1m`: buckets of whole minutes from the one-minute rollup. */
  source: 'raw' | 'points' | 'rollup_1m';
  /** Bucket width in ms (0 for raw). */
  bucketMs: number;
  buckets: SeriesBucket[];
}

/** A shift of the plant's calendar, in the plant's local wall-clock time. `end` before `start` crosses midnight. */
export interface ShiftDefinition {
  code: string;
  /** `HH:MM`, local. */
  start: string;
  /** `HH:MM`, local. */
  end: string;
}

export interface ShiftAggregatesRequest {
  plantId: string;
  equipment: string;
  tags: readonly string[];
  /** IANA zone of the plant, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** First local production day, `YYYY-MM-DD` (inclusive). */
  fromDay: string;
  /** Last local production day, `YYYY-MM-DD` (inclusive). */
  toDay: string;
  shifts: readonly ShiftDefinition[];
}

export interface ShiftAggregate {
  /** Local production day the shift starts on. */
  day: string;
  shiftCode: string;
  start: Date;
  end: Date;
  tag: string;
  min: number | null;
  max: number | null;
  avg: number | null;
  last: number | null;
  count: number;
  badCount: number;
}

export interface TelemetryStore {
  readonly backend: 'chdb' | 'server';
  /** Creates or upgrades the schema; safe to call from several processes and on every start. */
  ensureSchema(): Promise<void>;
  insertPoints(
    tenantId: string,
    points: readonly TelemetryPoint[],
    options: InsertOptions,
  ): Promise<InsertResult>;
  insertStateEvents(
    tenantId: string,
    events: readonly EquipmentStateEvent[],
    options: InsertOptions,
  ): Promise<InsertResult>;
  /** Last sample of every (plant, equipment, tag) matching the filter. */
  latest(tenantId: string, filter?: LatestFilter): Promise<LatestValue[]>;
  /** Current state of every equipment (of a plant when given). */
  latestStates(
    tenantId: string,
    filter?: { plantId?: string; equipment?: readonly string[] },
  ): Promise<LatestState[]>;
  /** A trend, downsampled to the chart's width. */
  series(tenantId: string, request: SeriesRequest): Promise<Series>;
  /** min / max / avg / last / count per shift instance and tag. */
  shiftAggregates(tenantId: string, request: ShiftAggregatesRequest): Promise<ShiftAggregate[]>;
  close(): Promise<void>;
}

export type TelemetryStoreConfig =
  | {
      backend: 'chdb';
      /** Data directory. chDB allows ONE data directory per process: every store in a process must use the same one. */
      dataDir: string;
      database?: string;
      defaultRetentionDays?: number;
    }
  | {
      backend: 'server';
      url: string;
      username?: string;
      password?: string;
      database?: string;
      defaultRetentionDays?: number;
      /** ms; default 30 000. */
      requestTimeoutMs?: number;
    };

/** Bad input to the store: names the field and says what is wrong. Never carries another tenant's data. */
export class TelemetryInputError extends Error {
  override readonly name = 'TelemetryInputError';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
