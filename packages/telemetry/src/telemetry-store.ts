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

/**
 * Names of the tags that carry a coil on a line. Defaults follow the plant simulator's catalogue (cold mill):
 * `coil_id` (text), `coil_length` (exit metres rolled on the current coil, reset per coil), `strip_speed`.
 */
export interface CoilTagNames {
  coilIdTag?: string;
  lengthTag?: string;
  /** Samples taken while this tag is 0 (strip standing) are left out of a profile; null keeps every sample. */
  speedTag?: string | null;
}

export interface CoilListRequest extends CoilTagNames {
  plantId: string;
  equipment: string;
  from: TelemetryTime;
  /** Exclusive. */
  to: TelemetryTime;
}

/**
 * One coil on a line: from the first sample of the coil-id tag naming it to the next sample naming another coil
 * (or none). The same id seen again later (a second pass) is another run.
 */
export interface CoilRun {
  coilId: string;
  start: Date;
  /** Exclusive: the start of the next coil, or the equipment's newest sample while the coil is still on. */
  end: Date;
  /** No other coil has followed yet. */
  open: boolean;
  /** Largest value of the length counter during the run (metres); null without length samples. */
  lengthM: number | null;
}

export interface CoilProfileRequest extends CoilTagNames {
  plantId: string;
  equipment: string;
  coilId: string;
  /** Numeric tags to profile, e.g. exit_thickness, flatness. */
  tags: readonly string[];
  /** Width of a length bin for charting, metres. */
  binMetres: number;
  /** Which run when the coil was on the line more than once: the one containing this instant. Default: the latest. */
  at?: TelemetryTime;
}

/** One sample placed on the coil: `lengthM` is the length counter interpolated to the sample's timestamp. */
export interface CoilSample {
  tag: string;
  ts: Date;
  lengthM: number;
  value: number;
}

/** Samples of one tag whose length falls in [fromM, toM). */
export interface CoilBin {
  tag: string;
  fromM: number;
  toM: number;
  min: number;
  max: number;
  avg: number;
  count: number;
}

export interface CoilProfile {
  coil: CoilRun;
  binMetres: number;
  /** Every good sample of the requested tags while the strip moved, in length order per tag. */
  samples: CoilSample[];
  /** Per tag, bins in length order; bins without samples are left out. */
  bins: CoilBin[];
}

/** Surface-inspection tags (the simulator's cold mill publishes the last defect on these). */
export interface DefectTagNames {
  /** Running number of the last defect: a new value is a new defect. */
  defectNoTag?: string;
  typeTag?: string;
  positionTag?: string;
  crossPositionTag?: string;
  severityTag?: string;
}

export interface CoilDefectsRequest extends DefectTagNames {
  plantId: string;
  equipment: string;
  coilId: string;
  coilIdTag?: string;
  at?: TelemetryTime;
}

export interface CoilDefect {
  defectNo: number;
  /** When the defect number first appeared. */
  ts: Date;
  type: string | null;
  /** Metres from the coil's head. */
  positionM: number | null;
  /** Millimetres from the operator-side edge. */
  crossPositionMm: number | null;
  /** 1 minor, 2 major, 3 critical. */
  severity: number | null;
}

export interface CoilDefects {
  coil: CoilRun;
  defects: CoilDefect[];
  /**
   * Defects known to exist but not seen: gaps in the running number within the coil (two defects between two
   * samples of the last-defect tags show only the second).
   */
  missed: number;
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
  /** Coils seen on an equipment whose run overlaps [from, to), oldest first. */
  coilList(tenantId: string, request: CoilListRequest): Promise<CoilRun[]>;
  /** A coil's samples indexed by length and binned for charting; null when the coil was never seen there. */
  coilProfile(tenantId: string, request: CoilProfileRequest): Promise<CoilProfile | null>;
  /** Surface defects found on a coil, in the order found; null when the coil was never seen there. */
  coilDefects(tenantId: string, request: CoilDefectsRequest): Promise<CoilDefects | null>;
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
