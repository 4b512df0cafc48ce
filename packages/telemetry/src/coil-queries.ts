import { type CoilIdRun, coilBins, coilRuns } from './coil-runs.ts';
import type { SqlExecutor, SqlParams } from './sql-executor.ts';
import {
  type CoilDefect,
  type CoilDefects,
  type CoilDefectsRequest,
  type CoilListRequest,
  type CoilProfile,
  type CoilProfileRequest,
  type CoilRun,
  type CoilSample,
  type CoilTagNames,
  TelemetryInputError,
  type TelemetryTime,
} from './telemetry-store.ts';
import { optionalNameList, requireName, requireTenant, toEpochMs } from './validate.ts';

/**
 * Coil queries (in-process quality, issue 6 item 3). A coil is known on a line only through its coil-id text tag;
 * its samples are placed along the strip by the length counter (alignment explained at coilProfile).
 */

const DAY_MS = 86_400_000;
/** How far back (and forward) of a coil-id sample its run's neighbours are looked for: no coil stays longer. */
export const COIL_LOOKBACK_MS = 7 * DAY_MS;
/** Samples of one profile request (all tags). A 40 km coil sampled every 100 ms at 600 m/min is ~40 000 per tag. */
export const MAX_PROFILE_SAMPLES = 500_000;
export const MAX_PROFILE_BINS = 20_000;
export const MAX_LIST_RANGE_MS = 92 * DAY_MS;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

interface Ctx {
  sql: SqlExecutor;
  db: string;
}

function coilTags(r: CoilTagNames) {
  return {
    coilIdTag: r.coilIdTag === undefined ? 'coil_id' : requireName('coilIdTag', r.coilIdTag),
    lengthTag: r.lengthTag === undefined ? 'coil_length' : requireName('lengthTag', r.lengthTag),
    speedTag:
      r.speedTag === undefined
        ? 'strip_speed'
        : r.speedTag === null
          ? null
          : requireName('speedTag', r.speedTag),
  };
}

function requireRequest(request: unknown): void {
  if (typeof request !== 'object' || request === null)
    throw new TelemetryInputError('request', 'is required');
}

const KEY = 'tenant_id = {tenant:String} AND plant_id = {plant:String} AND equipment = {equipment:String}';

/** Coil-id samples between two instants, oldest first. */
async function coilIdSamples(c: Ctx, params: SqlParams, fromMs: number, toMs: number) {
  const rows = await c.sql.query<{ t: number | string; text: string | null }>(
    `SELECT toUnixTimestamp64Milli(ts) AS t, text
     FROM ${c.db}.points
     WHERE ${KEY} AND tag = {coilTag:String} AND quality != 'bad'
       AND ts >= fromUnixTimestamp64Milli({lo:Int64}) AND ts < fromUnixTimestamp64Milli({hi:Int64})
     ORDER BY ts`,
    { ...params, lo: fromMs, hi: toMs },
  );
  return rows.map((r) => ({ ts: num(r.t), text: r.text ?? null }));
}

/** Newest sample of any tag of the equipment: where an open run ends for now. */
async function newestSampleMs(c: Ctx, params: SqlParams): Promise<number | null> {
  const rows = await c.sql.query<{ t: number | string | null; n: number | string }>(
    `SELECT toUnixTimestamp64Milli(max(last_ts)) AS t, count() AS n FROM ${c.db}.points_latest WHERE ${KEY}`,
    params,
  );
  return rows[0] && num(rows[0].n) > 0 ? num(rows[0].t) : null;
}

/** Largest length-counter value inside each run. */
async function runLengths(c: Ctx, params: SqlParams, runs: { startMs: number; endMs: number }[]) {
  const out = new Map<number, number>();
  const first = runs[0];
  const last = runs.at(-1);
  if (!first || !last) return out;
  // Each length sample finds its run by an ASOF join on the (small) table of run starts: a binary search per
  // sample, where a scan of the starts array would cost samples × runs over a long range.
  const rows = await c.sql.query<{ idx: number | string; mx: number | null }>(
    `SELECT r.idx AS idx, max(l.v) AS mx
     FROM (
       SELECT equipment AS k, ts, assumeNotNull(value) AS v
       FROM ${c.db}.points
       WHERE ${KEY} AND tag = {lengthTag:String} AND quality != 'bad' AND value IS NOT NULL
         AND ts >= fromUnixTimestamp64Milli({lo:Int64}) AND ts < fromUnixTimestamp64Milli({hi:Int64})
     ) AS l
     ASOF JOIN (
       SELECT {equipment:String} AS k, idx,
              fromUnixTimestamp64Milli(arrayElement({starts:Array(Int64)}, idx)) AS run_start,
              arrayElement({ends:Array(Int64)}, idx) AS run_end
       FROM (SELECT arrayJoin(range(1, length({starts:Array(Int64)}) + 1)) AS idx)
     ) AS r ON l.k = r.k AND l.ts >= r.run_start
     WHERE toUnixTimestamp64Milli(l.ts) < r.run_end
     GROUP BY idx`,
    {
      ...params,
      starts: runs.map((r) => r.startMs),
      ends: runs.map((r) => r.endMs),
      lo: first.startMs,
      hi: last.endMs,
    },
  );
  for (const r of rows) if (r.mx !== null) out.set(num(r.idx) - 1, num(r.mx));
  return out;
}

function closeRun(
  run: CoilIdRun,
  newestMs: number | null,
): { startMs: number; endMs: number; open: boolean } {
  if (run.endMs !== null) return { startMs: run.startMs, endMs: run.endMs, open: false };
  // Still on the line: up to (and including) the newest sample of the equipment.
  return { startMs: run.startMs, endMs: Math.max(run.startMs, newestMs ?? run.startMs) + 1, open: true };
}

export async function coilList(c: Ctx, tenantId: string, request: CoilListRequest): Promise<CoilRun[]> {
  const tenant = requireTenant(tenantId);
  requireRequest(request);
  const from = toEpochMs('from', request.from);
  const to = toEpochMs('to', request.to);
  if (to <= from) throw new TelemetryInputError('to', 'must be after from');
  if (to - from > MAX_LIST_RANGE_MS) throw new TelemetryInputError('to', 'is more than 92 days after from');
  const tags = coilTags(request);
  const params: SqlParams = {
    tenant,
    plant: requireName('plantId', request.plantId),
    equipment: requireName('equipment', request.equipment),
    coilTag: tags.coilIdTag,
    lengthTag: tags.lengthTag,
  };
  const samples = await coilIdSamples(c, params, from - COIL_LOOKBACK_MS, to + COIL_LOOKBACK_MS);
  const newest = await newestSampleMs(c, params);
  const runs = coilRuns(samples)
    .map((r) => ({ coilId: r.coilId, ...closeRun(r, newest) }))
    .filter((r) => r.startMs < to && r.endMs > from);
  const lengths = await runLengths(c, params, runs);
  return runs.map((r, i) => ({
    coilId: r.coilId,
    start: new Date(r.startMs),
    end: new Date(r.endMs),
    open: r.open,
    lengthM: lengths.get(i) ?? null,
  }));
}

/** The run of `coilId` (the latest, or the one containing `at`), with its length. */
async function findCoil(
  c: Ctx,
  params: SqlParams,
  coilId: string,
  at: TelemetryTime | undefined,
): Promise<CoilRun | null> {
  const atMs = at === undefined ? undefined : toEpochMs('at', at);
  const seen = await c.sql.query<{ t: number | string; n: number | string }>(
    `SELECT toUnixTimestamp64Milli(max(ts)) AS t, count() AS n
     FROM ${c.db}.points
     WHERE ${KEY} AND tag = {coilTag:String} AND quality != 'bad' AND text = {coil:String}
       ${atMs === undefined ? '' : 'AND ts <= fromUnixTimestamp64Milli({at:Int64})'}`,
    { ...params, coil: coilId, ...(atMs === undefined ? {} : { at: atMs }) },
  );
  if (!seen[0] || num(seen[0].n) === 0) return null;
  const lastSeen = num(seen[0].t);
  const samples = await coilIdSamples(c, params, lastSeen - COIL_LOOKBACK_MS, lastSeen + COIL_LOOKBACK_MS);
  const run = coilRuns(samples).find(
    (r) => r.coilId === coilId && r.startMs <= lastSeen && (r.endMs === null || r.endMs > lastSeen),
  );
  if (!run) return null;
  const closed = closeRun(run, await newestSampleMs(c, params));
  if (atMs !== undefined && atMs >= closed.endMs) return null;
  const lengths = await runLengths(c, params, [closed]);
  return {
    coilId,
    start: new Date(closed.startMs),
    end: new Date(closed.endMs),
    open: closed.open,
    lengthM: lengths.get(0) ?? null,
  };
}

/**
 * Alignment: each sample of a profiled tag gets the length counter linearly interpolated between the counter's
 * last sample at or before it and its first sample at or after it (both inside the run; ASOF joins). A counter
 * reported with the same source timestamp as the sample (the simulator publishes a whole equipment update at
 * one timestamp) gives its exact value; a counter left unreported because it did not change (exception-based
 * OPC UA) keeps its last value, which is what the step before it says. Samples before the counter's first
 * sample, or while the speed tag's last value is 0 (coil change, threading stop), are left out.
 */
export async function coilProfile(
  c: Ctx,
  tenantId: string,
  request: CoilProfileRequest,
): Promise<CoilProfile | null> {
  const tenant = requireTenant(tenantId);
  requireRequest(request);
  const tags = coilTags(request);
  const profiled = optionalNameList('tags', request.tags);
  if (!profiled || profiled.length === 0) throw new TelemetryInputError('tags', 'must list at least one tag');
  if (profiled.length > 20) throw new TelemetryInputError('tags', 'has more than 20 tags');
  const binMetres = request.binMetres;
  if (typeof binMetres !== 'number' || !Number.isFinite(binMetres) || binMetres <= 0 || binMetres > 100_000) {
    throw new TelemetryInputError('binMetres', 'must be a number of metres above 0 and at most 100000');
  }
  const coilId = requireName('coilId', request.coilId);
  const params: SqlParams = {
    tenant,
    plant: requireName('plantId', request.plantId),
    equipment: requireName('equipment', request.equipment),
    coilTag: tags.coilIdTag,
    lengthTag: tags.lengthTag,
  };
  const coil = await findCoil(c, params, coilId, request.at);
  if (!coil) return null;
  if (coil.lengthM !== null && coil.lengthM / binMetres > MAX_PROFILE_BINS) {
    throw new TelemetryInputError('binMetres', `gives more than ${MAX_PROFILE_BINS} bins for this coil`);
  }
  const window = { lo: coil.start.getTime(), hi: coil.end.getTime() };
  const speedJoin = tags.speedTag
    ? `ASOF LEFT JOIN (
         SELECT equipment AS k, ts AS sts, assumeNotNull(value) AS sv, 1 AS hit
         FROM ${c.db}.points
         WHERE ${KEY} AND tag = {speedTag:String} AND quality != 'bad' AND value IS NOT NULL
           AND ts >= fromUnixTimestamp64Milli({back:Int64}) AND ts < fromUnixTimestamp64Milli({hi:Int64})
       ) AS sp ON s.k = sp.k AND s.ts >= sp.sts`
    : '';
  const lengthSide = `(
         SELECT equipment AS k, ts AS lts, assumeNotNull(value) AS lv, 1 AS hit
         FROM ${c.db}.points
         WHERE ${KEY} AND tag = {lengthTag:String} AND quality != 'bad' AND value IS NOT NULL
           AND ts >= fromUnixTimestamp64Milli({lo:Int64}) AND ts < fromUnixTimestamp64Milli({hi:Int64})
       )`;
  const rows = await c.sql.query<{ tag: string; t: number | string; v: number; len: number }>(
    `SELECT tag, t, v, len FROM (
       SELECT s.tag AS tag, toUnixTimestamp64Milli(s.ts) AS t, s.value AS v,
              toUnixTimestamp64Milli(p.lts) AS pt, toUnixTimestamp64Milli(n.lts) AS nt,
              if(n.hit = 1 AND nt > pt AND n.lv >= p.lv,
                 p.lv + (n.lv - p.lv) * (t - pt) / (nt - pt),
                 p.lv) AS len,
              p.hit AS ph, ${tags.speedTag ? 'sp.hit AS sh, sp.sv AS sv' : '0 AS sh, 0 AS sv'}
       FROM (
         SELECT equipment AS k, tag, ts, assumeNotNull(value) AS value
         FROM ${c.db}.points
         WHERE ${KEY} AND tag IN {tags:Array(String)} AND quality != 'bad' AND value IS NOT NULL
           AND ts >= fromUnixTimestamp64Milli({lo:Int64}) AND ts < fromUnixTimestamp64Milli({hi:Int64})
       ) AS s
       ASOF LEFT JOIN ${lengthSide} AS p ON s.k = p.k AND s.ts >= p.lts
       ASOF LEFT JOIN ${lengthSide} AS n ON s.k = n.k AND s.ts <= n.lts
       ${speedJoin}
     )
     WHERE ph = 1 AND (sh = 0 OR sv > 0)
     ORDER BY tag, len, t
     LIMIT {limit:UInt32}`,
    {
      ...params,
      tags: profiled,
      ...(tags.speedTag ? { speedTag: tags.speedTag } : {}),
      lo: window.lo,
      hi: window.hi,
      back: window.lo - DAY_MS,
      limit: MAX_PROFILE_SAMPLES + 1,
    },
  );
  if (rows.length > MAX_PROFILE_SAMPLES) {
    throw new TelemetryInputError('tags', `give more than ${MAX_PROFILE_SAMPLES} samples on this coil`);
  }
  const samples: CoilSample[] = rows.map((r) => ({
    tag: r.tag,
    ts: new Date(num(r.t)),
    lengthM: num(r.len),
    value: num(r.v),
  }));
  return { coil, binMetres, samples, bins: coilBins(samples, binMetres) };
}

/**
 * Defects of a coil from the last-defect tags: every new value of the running number is a defect; its type,
 * positions and severity are the last values of their tags at or before that instant (tags unchanged since the
 * previous defect are not re-reported). A number first seen before the coil started (re-read after a reconnect)
 * belongs to an earlier coil.
 */
export async function coilDefects(
  c: Ctx,
  tenantId: string,
  request: CoilDefectsRequest,
): Promise<CoilDefects | null> {
  const tenant = requireTenant(tenantId);
  requireRequest(request);
  const coilId = requireName('coilId', request.coilId);
  const name = (field: keyof CoilDefectsRequest, fallback: string) =>
    request[field] === undefined ? fallback : requireName(field, request[field]);
  const params: SqlParams = {
    tenant,
    plant: requireName('plantId', request.plantId),
    equipment: requireName('equipment', request.equipment),
    coilTag: name('coilIdTag', 'coil_id'),
    lengthTag: 'coil_length',
    noTag: name('defectNoTag', 'defect_no'),
    typeTag: name('typeTag', 'defect_type'),
    posTag: name('positionTag', 'defect_position'),
    crossTag: name('crossPositionTag', 'defect_cross_position'),
    sevTag: name('severityTag', 'defect_severity'),
  };
  const coil = await findCoil(c, params, coilId, request.at);
  if (!coil) return null;
  const last = (tagParam: string, alias: string, column: string) => `ASOF LEFT JOIN (
      SELECT equipment AS k, ts AS ${alias}_ts, ${column} AS ${alias}_v, 1 AS ${alias}_hit
      FROM ${c.db}.points
      WHERE ${KEY} AND tag = {${tagParam}:String} AND quality != 'bad'
        AND ts >= fromUnixTimestamp64Milli({back:Int64}) AND ts < fromUnixTimestamp64Milli({hi:Int64})
    ) AS ${alias} ON d.k = ${alias}.k AND d.first_ts >= ${alias}.${alias}_ts`;
  const rows = await c.sql.query<{
    no: number | string;
    t: number | string;
    ty: string | null;
    ty_hit: number;
    po: number | null;
    po_hit: number;
    cr: number | null;
    cr_hit: number;
    se: number | null;
    se_hit: number;
  }>(
    `SELECT d.no AS no, toUnixTimestamp64Milli(d.first_ts) AS t,
            ty.ty_v AS ty, ty.ty_hit AS ty_hit, po.po_v AS po, po.po_hit AS po_hit,
            cr.cr_v AS cr, cr.cr_hit AS cr_hit, se.se_v AS se, se.se_hit AS se_hit
     FROM (
       SELECT equipment AS k, toUInt64(assumeNotNull(value)) AS no, min(ts) AS first_ts
       FROM ${c.db}.points
       WHERE ${KEY} AND tag = {noTag:String} AND quality != 'bad' AND value > 0
         AND ts >= fromUnixTimestamp64Milli({back:Int64}) AND ts < fromUnixTimestamp64Milli({hi:Int64})
       GROUP BY k, no
       HAVING first_ts >= fromUnixTimestamp64Milli({lo:Int64})
     ) AS d
     ${last('typeTag', 'ty', 'text')}
     ${last('posTag', 'po', 'value')}
     ${last('crossTag', 'cr', 'value')}
     ${last('sevTag', 'se', 'value')}
     ORDER BY no`,
    {
      ...params,
      lo: coil.start.getTime(),
      hi: coil.end.getTime(),
      back: coil.start.getTime() - COIL_LOOKBACK_MS,
    },
  );
  const defects: CoilDefect[] = rows.map((r) => ({
    defectNo: num(r.no),
    ts: new Date(num(r.t)),
    type: num(r.ty_hit) === 1 && r.ty ? r.ty : null,
    positionM: num(r.po_hit) === 1 ? numOrNull(r.po) : null,
    crossPositionMm: num(r.cr_hit) === 1 ? numOrNull(r.cr) : null,
    severity: num(r.se_hit) === 1 ? numOrNull(r.se) : null,
  }));
  let missed = 0;
  for (let i = 1; i < defects.length; i++) {
    const gap = (defects[i]?.defectNo ?? 0) - (defects[i - 1]?.defectNo ?? 0);
    if (gap > 1) missed += gap - 1;
  }
  return { coil, defects, missed };
}
