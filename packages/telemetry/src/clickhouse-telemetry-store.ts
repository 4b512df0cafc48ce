import { coilDefects, coilList, coilProfile } from './coil-queries.ts';
import { MIGRATIONS, migrationsTable } from './schema.ts';
import {
  bucketInterval,
  bucketSource,
  chooseBucketMs,
  MAX_WIDTH_PX,
  MIN_WIDTH_PX,
} from './series-buckets.ts';
import { shiftInstances } from './shift-calendar.ts';
import type { SqlExecutor, SqlParams } from './sql-executor.ts';
import {
  type CoilDefects,
  type CoilDefectsRequest,
  type CoilListRequest,
  type CoilProfile,
  type CoilProfileRequest,
  type CoilRun,
  type EquipmentStateEvent,
  type InsertOptions,
  type InsertResult,
  type LatestFilter,
  type LatestState,
  type LatestValue,
  type Series,
  type SeriesBucket,
  type SeriesRequest,
  type ShiftAggregate,
  type ShiftAggregatesRequest,
  TELEMETRY_QUALITIES,
  TelemetryInputError,
  type TelemetryPoint,
  type TelemetryQuality,
  type TelemetryStore,
} from './telemetry-store.ts';
import {
  msToChTime,
  optionalNameList,
  requireIntInRange,
  requireName,
  requireTenant,
  requireTimeZone,
  toEpochMs,
} from './validate.ts';

export const MAX_BATCH_ROWS = 1_000_000;
const INTERVAL_FUNCTION = {
  second: 'toIntervalSecond',
  minute: 'toIntervalMinute',
  hour: 'toIntervalHour',
  day: 'toIntervalDay',
} as const;
export const MAX_TEXT_LENGTH = 4096;
export const MAX_RETENTION_DAYS = 3650;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

interface BucketRow {
  t: number | string;
  mn: number | null;
  mx: number | null;
  av: number | null;
  lst: number | null;
  cnt: number | string;
  bad: number | string;
}

const toBucket = (r: BucketRow): SeriesBucket => ({
  ts: new Date(num(r.t)),
  min: numOrNull(r.mn),
  max: numOrNull(r.mx),
  avg: numOrNull(r.av),
  last: numOrNull(r.lst),
  count: num(r.cnt),
  badCount: num(r.bad),
});

function rawSeries(raw: { t: number | string; v: number | null; bad: number }[]): Series {
  return {
    source: 'raw',
    bucketMs: 0,
    buckets: raw.map((r) => {
      const bad = num(r.bad) === 1;
      const v = bad ? null : numOrNull(r.v);
      return {
        ts: new Date(num(r.t)),
        min: v,
        max: v,
        avg: v,
        last: v,
        count: v === null ? 0 : 1,
        badCount: bad ? 1 : 0,
      };
    }),
  };
}

/**
 * The store over any ClickHouse engine (chDB or a server). All SQL lives here and is the same for both backends:
 * values are bound as `{name:Type}` parameters; only the validated database name is interpolated.
 */
export class ClickHouseTelemetryStore implements TelemetryStore {
  readonly backend: 'chdb' | 'server';

  constructor(
    private readonly sql: SqlExecutor,
    private readonly db: string,
    private readonly defaultRetentionDays: number,
  ) {
    this.backend = sql.backend;
    requireIntInRange('defaultRetentionDays', defaultRetentionDays, 1, MAX_RETENTION_DAYS);
  }

  async ensureSchema(): Promise<void> {
    await this.sql.command(`CREATE DATABASE IF NOT EXISTS ${this.db}`);
    await this.sql.command(migrationsTable(this.db));
    const applied = new Set(
      (
        await this.sql.query<{ version: number }>(`SELECT DISTINCT version FROM ${this.db}.schema_migrations`)
      ).map((r) => num(r.version)),
    );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements(this.db)) await this.sql.command(statement);
      await this.sql.command(
        `INSERT INTO ${this.db}.schema_migrations (version, description) VALUES ({v:UInt32}, {d:String})`,
        { v: migration.version, d: migration.description },
      );
    }
  }

  /** Settings that make a retried batch a no-op, in the table and in every materialized view it feeds. */
  private dedupSettings(tenantId: string, options: InsertOptions) {
    const token = requireName('options.dedupToken', options?.dedupToken, 200);
    return {
      insert_deduplicate: 1,
      insert_deduplication_token: `${tenantId}|${token}`,
      deduplicate_blocks_in_dependent_materialized_views: 1,
    };
  }

  private retention(options: InsertOptions): number {
    return options.retentionDays === undefined
      ? this.defaultRetentionDays
      : requireIntInRange('options.retentionDays', options.retentionDays, 1, MAX_RETENTION_DAYS);
  }

  async insertPoints(
    tenantId: string,
    points: readonly TelemetryPoint[],
    options: InsertOptions,
  ): Promise<InsertResult> {
    const tenant = requireTenant(tenantId);
    const settings = this.dedupSettings(tenant, options);
    const retentionDays = this.retention(options);
    if (!Array.isArray(points)) throw new TelemetryInputError('points', 'must be an array');
    if (points.length > MAX_BATCH_ROWS) {
      throw new TelemetryInputError('points', `has ${points.length} rows, more than ${MAX_BATCH_ROWS}`);
    }
    // A batch repeats a few plant, connector, equipment and tag names on every row: each is checked once.
    const checked = new Set<string>();
    const name = (field: string, v: string) => {
      if (checked.has(v)) return v;
      requireName(field, v);
      checked.add(v);
      return v;
    };
    const rows = points.map((p, i) => {
      const at = `points[${i}]`;
      if (typeof p !== 'object' || p === null) throw new TelemetryInputError(at, 'must be an object');
      if (p.value !== null && (typeof p.value !== 'number' || !Number.isFinite(p.value))) {
        throw new TelemetryInputError(`${at}.value`, 'must be a finite number or null');
      }
      if (p.text !== undefined && p.text !== null) {
        if (typeof p.text !== 'string')
          throw new TelemetryInputError(`${at}.text`, 'must be a string or null');
        if (p.text.length > MAX_TEXT_LENGTH) {
          throw new TelemetryInputError(`${at}.text`, `is longer than ${MAX_TEXT_LENGTH} characters`);
        }
      }
      if (!TELEMETRY_QUALITIES.includes(p.quality)) {
        throw new TelemetryInputError(`${at}.quality`, `must be one of ${TELEMETRY_QUALITIES.join(', ')}`);
      }
      return {
        tenant_id: tenant,
        plant_id: name(`${at}.plantId`, p.plantId),
        connector_id: name(`${at}.connectorId`, p.connectorId),
        equipment: name(`${at}.equipment`, p.equipment),
        tag: name(`${at}.tag`, p.tag),
        ts: msToChTime(toEpochMs(`${at}.ts`, p.ts)),
        value: p.value,
        text: p.text ?? null,
        quality: p.quality,
        retention_days: retentionDays,
      };
    });
    await this.sql.insert(`${this.db}.points`, rows, settings);
    return { rows: rows.length };
  }

  async insertStateEvents(
    tenantId: string,
    events: readonly EquipmentStateEvent[],
    options: InsertOptions,
  ): Promise<InsertResult> {
    const tenant = requireTenant(tenantId);
    const settings = this.dedupSettings(tenant, options);
    const retentionDays = this.retention(options);
    if (!Array.isArray(events)) throw new TelemetryInputError('events', 'must be an array');
    if (events.length > MAX_BATCH_ROWS) {
      throw new TelemetryInputError('events', `has ${events.length} rows, more than ${MAX_BATCH_ROWS}`);
    }
    const rows = events.map((e, i) => {
      const at = `events[${i}]`;
      if (typeof e !== 'object' || e === null) throw new TelemetryInputError(at, 'must be an object');
      const state = requireName(`${at}.state`, e.state, 32);
      if (!/^[a-z][a-z0-9_]*$/.test(state)) {
        throw new TelemetryInputError(`${at}.state`, 'must be a lowercase code such as run, idle or fault');
      }
      if (e.reason !== undefined && e.reason !== null && typeof e.reason !== 'string') {
        throw new TelemetryInputError(`${at}.reason`, 'must be a string or null');
      }
      if (typeof e.reason === 'string' && e.reason.length > MAX_TEXT_LENGTH) {
        throw new TelemetryInputError(`${at}.reason`, `is longer than ${MAX_TEXT_LENGTH} characters`);
      }
      return {
        tenant_id: tenant,
        plant_id: requireName(`${at}.plantId`, e.plantId),
        connector_id: requireName(`${at}.connectorId`, e.connectorId),
        equipment: requireName(`${at}.equipment`, e.equipment),
        ts: msToChTime(toEpochMs(`${at}.ts`, e.ts)),
        state,
        reason: e.reason ?? null,
        retention_days: retentionDays,
      };
    });
    await this.sql.insert(`${this.db}.equipment_states`, rows, settings);
    return { rows: rows.length };
  }

  async latest(tenantId: string, filter: LatestFilter = {}): Promise<LatestValue[]> {
    const params: SqlParams = { tenant: requireTenant(tenantId) };
    const where = ['tenant_id = {tenant:String}'];
    if (filter.plantId !== undefined) {
      params.plant = requireName('filter.plantId', filter.plantId);
      where.push('plant_id = {plant:String}');
    }
    const equipment = optionalNameList('filter.equipment', filter.equipment);
    if (equipment) {
      params.equipment = equipment;
      where.push('equipment IN {equipment:Array(String)}');
    }
    const tags = optionalNameList('filter.tags', filter.tags);
    if (tags) {
      params.tags = tags;
      where.push('tag IN {tags:Array(String)}');
    }
    const rows = await this.sql.query<{
      plant_id: string;
      equipment: string;
      tag: string;
      t: number | string;
      value: number | null;
      text: string | null;
      quality: TelemetryQuality;
    }>(
      `SELECT plant_id, equipment, tag, toUnixTimestamp64Milli(max(last_ts)) AS t,
              argMaxMerge(last) AS l, l.1 AS value, l.2 AS text, toString(l.3) AS quality
       FROM ${this.db}.points_latest
       WHERE ${where.join(' AND ')}
       GROUP BY plant_id, equipment, tag
       ORDER BY plant_id, equipment, tag`,
      params,
    );
    return rows.map((r) => ({
      plantId: r.plant_id,
      equipment: r.equipment,
      tag: r.tag,
      ts: new Date(num(r.t)),
      value: numOrNull(r.value),
      text: r.text ?? null,
      quality: r.quality,
    }));
  }

  async latestStates(
    tenantId: string,
    filter: { plantId?: string; equipment?: readonly string[] } = {},
  ): Promise<LatestState[]> {
    const params: SqlParams = { tenant: requireTenant(tenantId) };
    const where = ['tenant_id = {tenant:String}'];
    if (filter.plantId !== undefined) {
      params.plant = requireName('filter.plantId', filter.plantId);
      where.push('plant_id = {plant:String}');
    }
    const equipment = optionalNameList('filter.equipment', filter.equipment);
    if (equipment) {
      params.equipment = equipment;
      where.push('equipment IN {equipment:Array(String)}');
    }
    const rows = await this.sql.query<{
      plant_id: string;
      equipment: string;
      t: number | string;
      state: string;
      reason: string | null;
    }>(
      `SELECT plant_id, equipment, toUnixTimestamp64Milli(max(last_ts)) AS t,
              argMaxMerge(last) AS l, l.1 AS state, l.2 AS reason
       FROM ${this.db}.equipment_states_latest
       WHERE ${where.join(' AND ')}
       GROUP BY plant_id, equipment
       ORDER BY plant_id, equipment`,
      params,
    );
    return rows.map((r) => ({
      plantId: r.plant_id,
      equipment: r.equipment,
      ts: new Date(num(r.t)),
      state: r.state,
      reason: r.reason ?? null,
    }));
  }

  async series(tenantId: string, request: SeriesRequest): Promise<Series> {
    const tenant = requireTenant(tenantId);
    if (typeof request !== 'object' || request === null)
      throw new TelemetryInputError('request', 'is required');
    const from = toEpochMs('from', request.from);
    const to = toEpochMs('to', request.to);
    if (to <= from) throw new TelemetryInputError('to', 'must be after from');
    const widthPx = requireIntInRange('widthPx', request.widthPx, MIN_WIDTH_PX, MAX_WIDTH_PX);
    const timeZone = request.timeZone === undefined ? 'UTC' : requireTimeZone('timeZone', request.timeZone);
    const params: SqlParams = {
      tenant,
      plant: requireName('plantId', request.plantId),
      equipment: requireName('equipment', request.equipment),
      tag: requireName('tag', request.tag),
      from,
      to,
      tz: timeZone,
    };
    const key = `tenant_id = {tenant:String} AND plant_id = {plant:String} AND equipment = {equipment:String}
       AND tag = {tag:String}`;

    const bucketMs = chooseBucketMs(to - from, widthPx);
    const source = bucketSource(bucketMs);
    const { count, unit } = bucketInterval(bucketMs);
    const interval = `${INTERVAL_FUNCTION[unit]}({n:UInt32})`;
    const rawQuery = () =>
      this.sql.query<{ t: number | string; v: number | null; bad: number }>(
        `SELECT toUnixTimestamp64Milli(ts) AS t, value AS v, quality = 'bad' AS bad
         FROM ${this.db}.points
         WHERE ${key} AND ts >= fromUnixTimestamp64Milli({from:Int64}) AND ts < fromUnixTimestamp64Milli({to:Int64})
         ORDER BY ts
         LIMIT {limit:UInt32}`,
        { ...params, limit: widthPx + 1 },
      );

    if (source === 'points') {
      // A short range: are there few enough points to draw them as they are? LIMIT keeps the probe cheap.
      const raw = await rawQuery();
      if (raw.length <= widthPx) return rawSeries(raw);
      const rows = await this.sql.query<BucketRow>(
        `SELECT toUnixTimestamp64Milli(toDateTime64(toStartOfInterval(ts, ${interval}, {tz:String}), 3)) AS t,
                min(v) AS mn, max(v) AS mx, avg(v) AS av, argMax(v, ts) AS lst, count(v) AS cnt,
                countIf(quality = 'bad') AS bad
         FROM (
           SELECT ts, quality, if(quality = 'bad', NULL, value) AS v
           FROM ${this.db}.points
           WHERE ${key}
             AND ts >= fromUnixTimestamp64Milli({from:Int64}) AND ts < fromUnixTimestamp64Milli({to:Int64})
         )
         GROUP BY t ORDER BY t`,
        { ...params, n: count },
      );
      return { source, bucketMs, buckets: rows.map(toBucket) };
    }

    // A long range: buckets from the rollup, whose sample counts also tell whether the raw points would fit
    // (probing the points table in time order would touch every daily partition of the range).
    const rows = await this.sql.query<BucketRow & { samples: number | string }>(
      `SELECT toUnixTimestamp(toStartOfInterval(minute, ${interval}, {tz:String})) * 1000 AS t,
              min(min_v) AS mn, max(max_v) AS mx, avgMerge(avg_v) AS av, argMaxMerge(last_v) AS lst,
              countMerge(count_v) AS cnt, sum(bad_count) AS bad, sum(samples) AS samples
       FROM ${this.db}.points_1m
       WHERE ${key}
         AND minute >= toStartOfMinute(fromUnixTimestamp64Milli({from:Int64}))
         AND minute < fromUnixTimestamp64Milli({to:Int64})
       GROUP BY t ORDER BY t`,
      { ...params, n: count },
    );
    const samples = rows.reduce((a, r) => a + num(r.samples), 0);
    if (samples <= widthPx) {
      const raw = await rawQuery();
      if (raw.length <= widthPx) return rawSeries(raw);
    }
    return { source, bucketMs, buckets: rows.map(toBucket) };
  }

  async shiftAggregates(tenantId: string, request: ShiftAggregatesRequest): Promise<ShiftAggregate[]> {
    const tenant = requireTenant(tenantId);
    if (typeof request !== 'object' || request === null)
      throw new TelemetryInputError('request', 'is required');
    const tags = optionalNameList('tags', request.tags);
    if (!tags || tags.length === 0) throw new TelemetryInputError('tags', 'must list at least one tag');
    if (tags.length > 100) throw new TelemetryInputError('tags', 'has more than 100 tags');
    const instances = shiftInstances(request);
    const first = instances[0];
    const last = instances.at(-1);
    if (!first || !last) return [];
    const rows = await this.sql.query<BucketRow & { idx: number | string; tag: string }>(
      `SELECT idx, tag, min(min_v) AS mn, max(max_v) AS mx, avgMerge(avg_v) AS av, argMaxMerge(last_v) AS lst,
              countMerge(count_v) AS cnt, sum(bad_count) AS bad, 0 AS t
       FROM (
         SELECT arrayCount(s -> s <= toUnixTimestamp(minute), {starts:Array(Int64)}) AS idx, minute, tag,
                min_v, max_v, avg_v, last_v, count_v, bad_count
         FROM ${this.db}.points_1m
         WHERE tenant_id = {tenant:String} AND plant_id = {plant:String} AND equipment = {equipment:String}
           AND tag IN {tags:Array(String)}
           AND minute >= toDateTime({from:Int64}, 'UTC') AND minute < toDateTime({to:Int64}, 'UTC')
       )
       WHERE idx > 0 AND toUnixTimestamp(minute) < arrayElement({ends:Array(Int64)}, idx)
       GROUP BY idx, tag`,
      {
        tenant,
        plant: requireName('plantId', request.plantId),
        equipment: requireName('equipment', request.equipment),
        tags,
        starts: instances.map((s) => Math.floor(s.startMs / 1000)),
        ends: instances.map((s) => Math.floor(s.endMs / 1000)),
        from: Math.floor(first.startMs / 1000),
        to: Math.floor(last.endMs / 1000),
      },
    );
    const found = new Map<string, SeriesBucket>();
    for (const r of rows) found.set(`${num(r.idx)}|${r.tag}`, toBucket(r));
    const out: ShiftAggregate[] = [];
    instances.forEach((s, i) => {
      for (const tag of tags) {
        const b = found.get(`${i + 1}|${tag}`);
        out.push({
          day: s.day,
          shiftCode: s.code,
          start: new Date(s.startMs),
          end: new Date(s.endMs),
          tag,
          min: b?.min ?? null,
          max: b?.max ?? null,
          avg: b?.avg ?? null,
          last: b?.last ?? null,
          count: b?.count ?? 0,
          badCount: b?.badCount ?? 0,
        });
      }
    });
    return out;
  }

  coilList(tenantId: string, request: CoilListRequest): Promise<CoilRun[]> {
    return coilList({ sql: this.sql, db: this.db }, tenantId, request);
  }

  coilProfile(tenantId: string, request: CoilProfileRequest): Promise<CoilProfile | null> {
    return coilProfile({ sql: this.sql, db: this.db }, tenantId, request);
  }

  coilDefects(tenantId: string, request: CoilDefectsRequest): Promise<CoilDefects | null> {
    return coilDefects({ sql: this.sql, db: this.db }, tenantId, request);
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}
