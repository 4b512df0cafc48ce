import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, TABLES } from './schema.ts';
import type { SqlExecutor } from './sql-executor.ts';
import type { TelemetryPoint, TelemetryStore } from './telemetry-store.ts';

/**
 * The behaviour every backend must show, run against chDB always and against a ClickHouse server whenever
 * CLICKHOUSE_URL is set. `exec` is the same engine seen through raw SQL, used only to check what was stored.
 */
export interface ContractHarness {
  store: TelemetryStore;
  exec: SqlExecutor;
  db: string;
  cleanup(): Promise<void>;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A minute boundary that is also a 10-minute boundary, two days ago: well inside every retention. */
const BASE = Math.floor((Date.now() - 2 * DAY) / (10 * MIN)) * (10 * MIN);

const point = (over: Partial<TelemetryPoint> & Pick<TelemetryPoint, 'ts' | 'value'>): TelemetryPoint => ({
  plantId: 'plant-1',
  connectorId: 'conn-1',
  equipment: 'CM1',
  tag: 'exit_thickness',
  quality: 'good',
  ...over,
});

export function describeTelemetryStoreContract(name: string, open: () => Promise<ContractHarness>) {
  describe(`TelemetryStore contract: ${name}`, () => {
    let h: ContractHarness;
    const count = async (sql: string, params?: Record<string, string>) => {
      const rows = await h.exec.query<{ c: number | string }>(sql, params);
      return Number(rows[0]?.c);
    };

    beforeAll(async () => {
      h = await open();
      await h.store.ensureSchema();
    });
    afterAll(async () => {
      await h?.cleanup();
    });

    it('creates every table and records the schema version once, however often ensureSchema runs', async () => {
      await h.store.ensureSchema();
      await Promise.all([h.store.ensureSchema(), h.store.ensureSchema()]);
      const tables = await h.exec.query<{ name: string }>(
        'SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name',
        { db: h.db },
      );
      const names = tables.map((t) => t.name);
      for (const t of TABLES) expect(names).toContain(t);
      const versions = await h.exec.query<{ version: number }>(
        `SELECT version FROM ${h.db}.schema_migrations FINAL ORDER BY version`,
      );
      expect(versions.map((v) => Number(v.version))).toEqual([SCHEMA_VERSION]);
      const ddl = await h.exec.query<{ sorting_key: string; partition_key: string; engine_full: string }>(
        `SELECT sorting_key, partition_key, engine_full FROM system.tables WHERE database = {db:String} AND name = 'points'`,
        { db: h.db },
      );
      expect(ddl[0]?.sorting_key).toBe('tenant_id, plant_id, equipment, tag, ts');
      expect(ddl[0]?.partition_key).toBe('toDate(ts)');
      expect(ddl[0]?.engine_full).toContain('TTL toDateTime(ts) + toIntervalDay(retention_days)');
      expect(ddl[0]?.engine_full).toContain('non_replicated_deduplication_window');
    });

    it('stores a batch once when it is inserted again with the same dedup token, rollups included', async () => {
      const tenant = 'tenant-dedup';
      const batch = Array.from({ length: 50 }, (_, i) => point({ ts: BASE + i * 1000, value: i }));
      // Spread over two days too, so the batch lands in two partitions.
      batch.push(point({ ts: BASE - DAY, value: 1000 }));
      for (let i = 0; i < 3; i++) await h.store.insertPoints(tenant, batch, { dedupToken: 'conn-1:41' });
      await Promise.all([
        h.store.insertPoints(tenant, batch, { dedupToken: 'conn-1:41' }),
        h.store.insertPoints(tenant, batch, { dedupToken: 'conn-1:41' }),
      ]);
      const t = { t: tenant };
      expect(await count(`SELECT count() AS c FROM ${h.db}.points WHERE tenant_id = {t:String}`, t)).toBe(51);
      expect(
        await count(`SELECT countMerge(count_v) AS c FROM ${h.db}.points_1m WHERE tenant_id = {t:String}`, t),
      ).toBe(51);
      const [latest] = await h.store.latest(tenant);
      expect(latest?.value).toBe(49);

      // The token decides, not the content: the same rows under the next token are a new batch.
      await h.store.insertPoints(tenant, batch, { dedupToken: 'conn-1:42' });
      expect(await count(`SELECT count() AS c FROM ${h.db}.points WHERE tenant_id = {t:String}`, t)).toBe(
        102,
      );
      // Tokens are scoped by tenant: another tenant's conn-1:41 is not a duplicate.
      await h.store.insertPoints('tenant-dedup-2', batch, { dedupToken: 'conn-1:41' });
      expect(
        await count(`SELECT count() AS c FROM ${h.db}.points WHERE tenant_id = {t:String}`, {
          t: 'tenant-dedup-2',
        }),
      ).toBe(51);
    });

    it("drops rows older than the tenant's retention written at insert, in points and rollup", async () => {
      const tenant = 'tenant-retention';
      const now = Date.now();
      await h.store.insertPoints(
        tenant,
        [point({ ts: now - 5 * DAY, value: 1 }), point({ ts: now - DAY, value: 2 })],
        { dedupToken: 'conn-1:1', retentionDays: 2 },
      );
      await h.store.insertPoints(tenant, [point({ tag: 'kept', ts: now - 5 * DAY, value: 3 })], {
        dedupToken: 'conn-1:2',
        retentionDays: 30,
      });
      // TTL is applied when parts are written and merged; FINAL forces the merge instead of waiting for it.
      await h.exec.command(`OPTIMIZE TABLE ${h.db}.points FINAL`);
      await h.exec.command(`OPTIMIZE TABLE ${h.db}.points_1m FINAL`);
      const t = { t: tenant };
      const kept = await h.exec.query<{ tag: string; v: number }>(
        `SELECT tag, value AS v FROM ${h.db}.points WHERE tenant_id = {t:String} ORDER BY v`,
        t,
      );
      expect(kept).toEqual([
        { tag: 'exit_thickness', v: 2 },
        { tag: 'kept', v: 3 },
      ]);
      expect(
        await count(`SELECT countMerge(count_v) AS c FROM ${h.db}.points_1m WHERE tenant_id = {t:String}`, t),
      ).toBe(2);
    });

    it('stores state events once per token and answers the current state of each equipment', async () => {
      const tenant = 'tenant-states';
      const events = [
        { plantId: 'plant-1', connectorId: 'conn-1', equipment: 'CM1', ts: BASE, state: 'run' },
        {
          plantId: 'plant-1',
          connectorId: 'conn-1',
          equipment: 'CM1',
          ts: BASE + MIN,
          state: 'fault',
          reason: 'E42',
        },
        { plantId: 'plant-1', connectorId: 'conn-1', equipment: 'HM1', ts: BASE, state: 'idle' },
      ];
      await h.store.insertStateEvents(tenant, events, { dedupToken: 'conn-1:7' });
      await h.store.insertStateEvents(tenant, events, { dedupToken: 'conn-1:7' });
      expect(
        await count(`SELECT count() AS c FROM ${h.db}.equipment_states WHERE tenant_id = {t:String}`, {
          t: tenant,
        }),
      ).toBe(3);
      const states = await h.store.latestStates(tenant, { plantId: 'plant-1' });
      expect(states).toEqual([
        { plantId: 'plant-1', equipment: 'CM1', ts: new Date(BASE + MIN), state: 'fault', reason: 'E42' },
        { plantId: 'plant-1', equipment: 'HM1', ts: new Date(BASE), state: 'idle', reason: null },
      ]);
      expect(await h.store.latestStates(tenant, { equipment: ['HM1'] })).toHaveLength(1);
    });

    it('answers the latest sample of each tag, text and quality included, filtered by plant, equipment and tag', async () => {
      const tenant = 'tenant-latest';
      await h.store.insertPoints(
        tenant,
        [
          point({ ts: BASE, value: 1.5 }),
          point({ ts: BASE + 2000, value: 1.25, quality: 'uncertain' }),
          point({ ts: BASE + 1000, value: 9 }), // arrives late, older: not the latest
          point({ tag: 'coil_id', ts: BASE, value: null, text: 'C-0001' }),
          point({ tag: 'coil_id', ts: BASE + 5000, value: null, text: 'C-0002' }),
          point({ plantId: 'plant-2', ts: BASE, value: 7 }),
        ],
        { dedupToken: 'conn-1:1' },
      );
      const all = await h.store.latest(tenant);
      expect(all).toEqual([
        {
          plantId: 'plant-1',
          equipment: 'CM1',
          tag: 'coil_id',
          ts: new Date(BASE + 5000),
          value: null,
          text: 'C-0002',
          quality: 'good',
        },
        {
          plantId: 'plant-1',
          equipment: 'CM1',
          tag: 'exit_thickness',
          ts: new Date(BASE + 2000),
          value: 1.25,
          text: null,
          quality: 'uncertain',
        },
        {
          plantId: 'plant-2',
          equipment: 'CM1',
          tag: 'exit_thickness',
          ts: new Date(BASE),
          value: 7,
          text: null,
          quality: 'good',
        },
      ]);
      expect(await h.store.latest(tenant, { plantId: 'plant-2' })).toHaveLength(1);
      expect(await h.store.latest(tenant, { tags: ['coil_id'] })).toHaveLength(1);
      expect(await h.store.latest(tenant, { equipment: ['HM9'] })).toEqual([]);
    });

    it('computes rollup, sub-minute and raw buckets that match hand-computed figures, bad values left out', async () => {
      const tenant = 'tenant-figures';
      const m0 = BASE;
      const m1 = BASE + MIN;
      await h.store.insertPoints(
        tenant,
        [
          point({ ts: m0, value: 1 }),
          point({ ts: m0 + 10_000, value: 5 }),
          point({ ts: m0 + 20_000, value: 3 }),
          point({ ts: m0 + 30_000, value: 100, quality: 'bad' }),
          point({ ts: m0 + 40_000, value: null }),
          point({ ts: m1, value: 2 }),
          point({ ts: m1 + 50_000, value: 4, quality: 'uncertain' }),
        ],
        { dedupToken: 'conn-1:1' },
      );
      const req = { plantId: 'plant-1', equipment: 'CM1', tag: 'exit_thickness', from: m0, to: m0 + 2 * MIN };

      // 120 s over 2 px -> one 2-minute bucket, from the one-minute rollup.
      const rollup = await h.store.series(tenant, { ...req, widthPx: 2 });
      expect(rollup.source).toBe('rollup_1m');
      expect(rollup.bucketMs).toBe(2 * MIN);
      expect(rollup.buckets).toEqual([
        { ts: new Date(m0), min: 1, max: 5, avg: 3, last: 4, count: 5, badCount: 1 },
      ]);

      // 120 s over 5 px -> 30 s buckets, from the points table.
      const fine = await h.store.series(tenant, { ...req, widthPx: 5 });
      expect(fine.source).toBe('points');
      expect(fine.bucketMs).toBe(30_000);
      expect(fine.buckets).toEqual([
        { ts: new Date(m0), min: 1, max: 5, avg: 3, last: 3, count: 3, badCount: 0 },
        { ts: new Date(m0 + 30_000), min: null, max: null, avg: null, last: null, count: 0, badCount: 1 },
        { ts: new Date(m1), min: 2, max: 2, avg: 2, last: 2, count: 1, badCount: 0 },
        { ts: new Date(m1 + 30_000), min: 4, max: 4, avg: 4, last: 4, count: 1, badCount: 0 },
      ]);

      // Seven points fit in 800 px: the points themselves.
      const raw = await h.store.series(tenant, { ...req, widthPx: 800 });
      expect(raw.source).toBe('raw');
      expect(raw.buckets.map((b) => [b.ts.getTime() - m0, b.avg, b.badCount])).toEqual([
        [0, 1, 0],
        [10_000, 5, 0],
        [20_000, 3, 0],
        [30_000, null, 1],
        [40_000, null, 0],
        [60_000, 2, 0],
        [110_000, 4, 0],
      ]);
    });

    it('keeps every trend from one hour to ninety days within the chart width, picking its bucket from the width', async () => {
      const tenant = 'tenant-buckets';
      const now = Math.floor(Date.now() / MIN) * MIN;
      // One sample every 10 s for 91 days: value = (n mod 360), so every full minute averages to a known figure.
      const n = (91 * DAY) / 10_000;
      await h.exec.command(
        `INSERT INTO ${h.db}.points (tenant_id, plant_id, connector_id, equipment, tag, ts, value, quality, retention_days)
         SELECT {t:String}, 'plant-1', 'conn-1', 'CM1', 'speed',
                fromUnixTimestamp64Milli(toInt64({start:Int64} + number * 10000)), toFloat64(number % 360), 'good', 365
         FROM numbers({n:UInt64})`,
        { t: tenant, start: now - 91 * DAY, n },
      );
      const cases = [
        { span: HOUR, widthPx: 1000, source: 'raw', bucketMs: 0 },
        { span: 6 * HOUR, widthPx: 1000, source: 'points', bucketMs: 30_000 },
        { span: DAY, widthPx: 1000, source: 'rollup_1m', bucketMs: 2 * MIN },
        { span: 7 * DAY, widthPx: 1200, source: 'rollup_1m', bucketMs: 10 * MIN },
        { span: 30 * DAY, widthPx: 1000, source: 'rollup_1m', bucketMs: HOUR },
        { span: 90 * DAY, widthPx: 1000, source: 'rollup_1m', bucketMs: 3 * HOUR },
        { span: 90 * DAY, widthPx: 300, source: 'rollup_1m', bucketMs: 12 * HOUR },
      ] as const;
      for (const c of cases) {
        const s = await h.store.series(tenant, {
          plantId: 'plant-1',
          equipment: 'CM1',
          tag: 'speed',
          from: now - c.span,
          to: now,
          widthPx: c.widthPx,
        });
        expect({ span: c.span, source: s.source, bucketMs: s.bucketMs }).toEqual({
          span: c.span,
          source: c.source,
          bucketMs: c.bucketMs,
        });
        expect(s.buckets.length).toBeGreaterThan(c.widthPx / 4);
        expect(s.buckets.length).toBeLessThanOrEqual(c.widthPx);
        const total = s.buckets.reduce((a, b) => a + b.count, 0);
        // Whole range covered (the rollup rounds the first minute down).
        expect(total).toBeGreaterThanOrEqual(c.span / 10_000);
        expect(total).toBeLessThanOrEqual(c.span / 10_000 + 6);
      }
      // A sparse tag stays raw over a long range: the rollup's sample count says it fits.
      await h.store.insertPoints(
        tenant,
        Array.from({ length: 50 }, (_, i) =>
          point({ tag: 'sparse', ts: now - 29 * DAY + i * 13 * HOUR, value: i }),
        ),
        { dedupToken: 'conn-1:sparse' },
      );
      const sparse = await h.store.series(tenant, {
        plantId: 'plant-1',
        equipment: 'CM1',
        tag: 'sparse',
        from: now - 30 * DAY,
        to: now,
        widthPx: 1000,
      });
      expect(sparse.source).toBe('raw');
      expect(sparse.buckets.map((b) => b.avg)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      // A full hour holds 360 samples 0..359 in some rotation: min 0, max 359, avg 179.5.
      const hourly = await h.store.series(tenant, {
        plantId: 'plant-1',
        equipment: 'CM1',
        tag: 'speed',
        from: now - 30 * DAY,
        to: now,
        widthPx: 1000,
      });
      const inner = hourly.buckets[10];
      expect(inner).toMatchObject({ min: 0, max: 359, avg: 179.5, count: 360, badCount: 0 });
    });

    it('aggregates per shift of the plant calendar in its time zone, across midnight', async () => {
      const tenant = 'tenant-shifts';
      // Shanghai is UTC+8 all year. Local day D = the UTC day of BASE minus 3 days.
      const d = new Date(BASE - 3 * DAY);
      const day = d.toISOString().slice(0, 10);
      const local = (dayOffset: number, hh: number, mm: number) =>
        Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + dayOffset, hh - 8, mm);
      await h.store.insertPoints(
        tenant,
        [
          point({ ts: local(0, 5, 59), value: 1000 }), // previous day's night shift: outside the request
          point({ ts: local(0, 6, 0), value: 10 }), // A
          point({ ts: local(0, 13, 59) + 30_000, value: 20 }), // A
          point({ ts: local(0, 14, 0), value: 30 }), // B
          point({ ts: local(0, 15, 0), value: 99, quality: 'bad' }), // B, bad
          point({ ts: local(0, 23, 30), value: 40 }), // C
          point({ ts: local(1, 5, 59) + 59_000, value: 50 }), // C, last second of it
          point({ ts: local(1, 6, 0), value: 2000 }), // next day's A: outside
          point({ tag: 'other', ts: local(0, 7, 0), value: 5 }),
        ],
        { dedupToken: 'conn-1:1' },
      );
      const rows = await h.store.shiftAggregates(tenant, {
        plantId: 'plant-1',
        equipment: 'CM1',
        tags: ['exit_thickness'],
        timeZone: 'Asia/Shanghai',
        fromDay: day,
        toDay: day,
        shifts: [
          { code: 'A', start: '06:00', end: '14:00' },
          { code: 'B', start: '14:00', end: '22:00' },
          { code: 'C', start: '22:00', end: '06:00' },
        ],
      });
      expect(rows).toEqual([
        {
          day,
          shiftCode: 'A',
          start: new Date(local(0, 6, 0)),
          end: new Date(local(0, 14, 0)),
          tag: 'exit_thickness',
          min: 10,
          max: 20,
          avg: 15,
          last: 20,
          count: 2,
          badCount: 0,
        },
        {
          day,
          shiftCode: 'B',
          start: new Date(local(0, 14, 0)),
          end: new Date(local(0, 22, 0)),
          tag: 'exit_thickness',
          min: 30,
          max: 30,
          avg: 30,
          last: 30,
          count: 1,
          badCount: 1,
        },
        {
          day,
          shiftCode: 'C',
          start: new Date(local(0, 22, 0)),
          end: new Date(local(1, 6, 0)),
          tag: 'exit_thickness',
          min: 40,
          max: 50,
          avg: 45,
          last: 50,
          count: 2,
          badCount: 0,
        },
      ]);
    });

    it("never shows one tenant's data to another, in any query", async () => {
      const A = 'tenant-iso-a';
      const B = 'tenant-iso-b';
      const same = { plantId: 'plant-1', equipment: 'CM1', tag: 'exit_thickness' };
      const batchA = Array.from({ length: 120 }, (_, i) =>
        point({ ...same, ts: BASE + i * 1000, value: 1000 + i }),
      );
      await h.store.insertPoints(A, batchA, { dedupToken: 'conn-1:1' });
      await h.store.insertPoints(B, [point({ ...same, ts: BASE + 500, value: 1 })], {
        dedupToken: 'conn-1:1',
      });
      await h.store.insertStateEvents(
        A,
        [{ plantId: 'plant-1', connectorId: 'conn-1', equipment: 'CM1', ts: BASE, state: 'fault' }],
        { dedupToken: 'conn-1:1' },
      );
      // A tag name that would widen a concatenated WHERE clause is just a name.
      const sneaky = "exit_thickness' OR tenant_id != '";

      const latestB = await h.store.latest(B);
      expect(latestB.map((l) => l.value)).toEqual([1]);
      expect(await h.store.latestStates(B)).toEqual([]);
      expect(await h.store.latest(B, { tags: [sneaky] })).toEqual([]);
      for (const widthPx of [2, 5, 800]) {
        const s = await h.store.series(B, { ...same, from: BASE, to: BASE + 2 * MIN, widthPx });
        for (const b of s.buckets) expect(b.max).toBeLessThan(1000);
        expect(s.buckets.reduce((a, b) => a + b.count, 0)).toBe(1);
      }
      expect(
        (await h.store.series(B, { ...same, tag: sneaky, from: BASE, to: BASE + 2 * MIN, widthPx: 2 }))
          .buckets,
      ).toEqual([]);
      const d = new Date(BASE).toISOString().slice(0, 10);
      const shifts = await h.store.shiftAggregates(B, {
        ...same,
        tags: ['exit_thickness'],
        timeZone: 'UTC',
        fromDay: d,
        toDay: d,
        shifts: [{ code: 'D', start: '00:00', end: '00:00' }],
      });
      expect(shifts.map((s) => [s.count, s.max])).toEqual([[1, 1]]);
      // And A still sees its own.
      expect((await h.store.latest(A)).map((l) => l.value)).toEqual([1119]);
    });

    describe('coils', () => {
      const tenant = 'tenant-coils';
      const T0 = BASE;
      const S = 1000;
      const cm = (tag: string, ts: number, value: number | null, text?: string) =>
        point({ tag, ts, value, ...(text === undefined ? {} : { text }) });
      beforeAll(async () => {
        const pts: TelemetryPoint[] = [
          // Coil C-A: its id once (and again after a reconnect), the counter reset, the strip standing.
          cm('coil_id', T0, null, 'C-A'),
          cm('coil_length', T0, 0),
          cm('strip_speed', T0, 0),
          cm('exit_thickness', T0 + 5 * S, 0.5), // strip standing: left out
          cm('strip_speed', T0 + 10 * S, 60),
          cm('coil_id', T0 + 60 * S, null, 'C-A'),
          point({ tag: 'exit_thickness', ts: T0 + 30 * S + 500, value: 9, quality: 'bad' }), // bad: left out
          // Counter every second from 10 s: 1 m at 11 s ... 100 m at 110 s; thickness half a second after each.
          ...Array.from({ length: 100 }, (_, k) => cm('coil_length', T0 + (11 + k) * S, k + 1)),
          ...Array.from({ length: 99 }, (_, k) =>
            cm('exit_thickness', T0 + (11 + k) * S + 500, 1 + ((k + 1) % 10) * 0.001),
          ),
          cm('flatness', T0 + 30 * S + 250, 7), // a quarter of the way from 20 m to 21 m
          cm('strip_speed', T0 + 111 * S, 0),
          // Coil C-B, 30 m.
          cm('coil_id', T0 + 200 * S, null, 'C-B'),
          cm('coil_length', T0 + 200 * S, 0),
          cm('strip_speed', T0 + 205 * S, 60),
          ...Array.from({ length: 30 }, (_, k) => cm('coil_length', T0 + (206 + k) * S, k + 1)),
          cm('exit_thickness', T0 + 220 * S, 2),
          // C-A again (a second pass), 12 m so far, still on the mill.
          cm('coil_id', T0 + 400 * S, null, 'C-A'),
          cm('coil_length', T0 + 400 * S, 0),
          cm('coil_length', T0 + 410 * S, 12),
          cm('exit_thickness', T0 + 405 * S, 0.9),
          // Surface defects as the last-defect tags: no. 5 belongs to an earlier coil (re-read after the
          // reconnect), 6 and 8 to C-A's first pass; 8 kept type and cross position of 6, so they were not sent.
          cm('defect_no', T0 - 50 * S, 5),
          cm('defect_type', T0 - 50 * S, null, 'scratch'),
          cm('defect_position', T0 - 50 * S, 300),
          cm('defect_cross_position', T0 - 50 * S, 100),
          cm('defect_severity', T0 - 50 * S, 1),
          cm('defect_no', T0 + 60 * S, 5),
          cm('defect_no', T0 + 30 * S, 6),
          cm('defect_type', T0 + 30 * S, null, 'dent'),
          cm('defect_position', T0 + 30 * S, 20),
          cm('defect_cross_position', T0 + 30 * S, 400),
          cm('defect_severity', T0 + 30 * S, 2),
          cm('defect_no', T0 + 50 * S, 8),
          cm('defect_position', T0 + 50 * S, 40.1),
          cm('defect_severity', T0 + 50 * S, 3),
        ];
        await h.store.insertPoints(tenant, pts, { dedupToken: 'conn-1:coils' });
        // Another tenant with the same plant, equipment and coil id.
        await h.store.insertPoints(
          'tenant-coils-other',
          [cm('coil_id', T0, null, 'C-A'), cm('coil_length', T0 + S, 999), cm('exit_thickness', T0 + S, 5)],
          { dedupToken: 'conn-1:coils' },
        );
      });

      it('lists the coils seen in a range with start, end and length, a repeated id not splitting a run', async () => {
        const req = { plantId: 'plant-1', equipment: 'CM1' };
        expect(await h.store.coilList(tenant, { ...req, from: T0, to: T0 + 300 * S })).toEqual([
          { coilId: 'C-A', start: new Date(T0), end: new Date(T0 + 200 * S), open: false, lengthM: 100 },
          {
            coilId: 'C-B',
            start: new Date(T0 + 200 * S),
            end: new Date(T0 + 400 * S),
            open: false,
            lengthM: 30,
          },
        ]);
        const all = await h.store.coilList(tenant, { ...req, from: T0 - DAY, to: T0 + DAY });
        expect(all.map((c) => [c.coilId, c.open, c.lengthM])).toEqual([
          ['C-A', false, 100],
          ['C-B', false, 30],
          ['C-A', true, 12],
        ]);
        // An open run lasts up to the equipment's newest sample (C-A's counter at 410 s).
        expect(all[2]?.end).toEqual(new Date(T0 + 410 * S + 1));
        expect(await h.store.coilList(tenant, { ...req, from: T0 + 201 * S, to: T0 + 202 * S })).toHaveLength(
          1,
        );
      });

      it('places samples along the coil by the interpolated length counter and bins them', async () => {
        const first = await h.store.coilProfile(tenant, {
          plantId: 'plant-1',
          equipment: 'CM1',
          coilId: 'C-A',
          at: T0 + 100 * S,
          tags: ['exit_thickness', 'flatness'],
          binMetres: 10,
        });
        expect(first?.coil).toEqual({
          coilId: 'C-A',
          start: new Date(T0),
          end: new Date(T0 + 200 * S),
          open: false,
          lengthM: 100,
        });
        const thickness = first?.samples.filter((x) => x.tag === 'exit_thickness') ?? [];
        // 99 good samples while moving; the standing one and the bad one are left out.
        expect(thickness).toHaveLength(99);
        expect(thickness.map((x) => x.lengthM)).toEqual(Array.from({ length: 99 }, (_, k) => k + 1.5));
        expect(thickness[0]).toEqual({
          tag: 'exit_thickness',
          ts: new Date(T0 + 11 * S + 500),
          lengthM: 1.5,
          value: 1.001,
        });
        expect(first?.samples.filter((x) => x.tag === 'flatness').map((x) => [x.lengthM, x.value])).toEqual([
          [20.25, 7],
        ]);
        const bins = first?.bins.filter((b) => b.tag === 'exit_thickness') ?? [];
        expect(bins).toHaveLength(10);
        expect(bins[0]).toMatchObject({ fromM: 0, toM: 10, min: 1.001, max: 1.009, count: 9 });
        expect(bins[0]?.avg).toBeCloseTo(1.005, 12);
        expect(bins[1]).toMatchObject({ fromM: 10, toM: 20, min: 1, max: 1.009, count: 10 });
        expect(bins[1]?.avg).toBeCloseTo(1.0045, 12);
        expect(first?.bins.filter((b) => b.tag === 'flatness')).toEqual([
          { tag: 'flatness', fromM: 20, toM: 30, min: 7, max: 7, avg: 7, count: 1 },
        ]);

        // Without `at`: the latest pass of C-A (open, 5 s in: half of 12 m at 10 s per 12 m, no speed sample).
        const latest = await h.store.coilProfile(tenant, {
          plantId: 'plant-1',
          equipment: 'CM1',
          coilId: 'C-A',
          tags: ['exit_thickness'],
          binMetres: 5,
          speedTag: null,
        });
        expect(latest?.coil.open).toBe(true);
        expect(latest?.samples.map((x) => [x.lengthM, x.value])).toEqual([[6, 0.9]]);
        expect(
          await h.store.coilProfile(tenant, {
            plantId: 'plant-1',
            equipment: 'CM1',
            coilId: 'C-Z',
            tags: ['exit_thickness'],
            binMetres: 5,
          }),
        ).toBeNull();
      });

      it('finds the defects of a coil with the last values of their tags, and counts the ones it missed', async () => {
        const found = await h.store.coilDefects(tenant, {
          plantId: 'plant-1',
          equipment: 'CM1',
          coilId: 'C-A',
          at: T0 + 10 * S,
        });
        expect(found?.defects).toEqual([
          {
            defectNo: 6,
            ts: new Date(T0 + 30 * S),
            type: 'dent',
            positionM: 20,
            crossPositionMm: 400,
            severity: 2,
          },
          {
            defectNo: 8,
            ts: new Date(T0 + 50 * S),
            type: 'dent',
            positionM: 40.1,
            crossPositionMm: 400,
            severity: 3,
          },
        ]);
        expect(found?.missed).toBe(1);
        const second = await h.store.coilDefects(tenant, {
          plantId: 'plant-1',
          equipment: 'CM1',
          coilId: 'C-B',
        });
        expect(second?.defects).toEqual([]);
      });

      it("never answers with another tenant's coil", async () => {
        const other = await h.store.coilProfile('tenant-coils-other', {
          plantId: 'plant-1',
          equipment: 'CM1',
          coilId: 'C-A',
          tags: ['exit_thickness'],
          binMetres: 10,
          speedTag: null,
        });
        expect(other?.samples.map((x) => x.value)).toEqual([5]);
        expect(other?.coil.lengthM).toBe(999);
        const none = 'tenant-coils-none';
        const req = { plantId: 'plant-1', equipment: 'CM1', coilId: 'C-A' };
        expect(
          await h.store.coilProfile(none, { ...req, tags: ['exit_thickness'], binMetres: 10 }),
        ).toBeNull();
        expect(await h.store.coilDefects(none, req)).toBeNull();
        expect(await h.store.coilList(none, { ...req, from: T0 - DAY, to: T0 + DAY })).toEqual([]);
        expect(
          await h.store.coilList(tenant, {
            ...req,
            coilIdTag: "coil_id' OR 1=1 OR '",
            from: T0,
            to: T0 + DAY,
          }),
        ).toEqual([]);
      });

      it('refuses bad coil requests naming the field', async () => {
        const req = { plantId: 'plant-1', equipment: 'CM1', coilId: 'C-A' };
        await expect(h.store.coilProfile(tenant, { ...req, tags: ['x'], binMetres: 0 })).rejects.toThrow(
          /^binMetres: must be a number/,
        );
        await expect(h.store.coilProfile(tenant, { ...req, tags: [], binMetres: 1 })).rejects.toThrow(
          /^tags: must list at least one tag/,
        );
        await expect(
          h.store.coilProfile(tenant, { ...req, coilId: '', tags: ['x'], binMetres: 1 }),
        ).rejects.toThrow(/^coilId: must be a non-empty string/);
        await expect(h.store.coilList(tenant, { ...req, from: T0, to: T0 })).rejects.toThrow(
          /^to: must be after from/,
        );
        await expect(h.store.coilDefects('', req)).rejects.toThrow(/^tenantId: must be a non-empty/);
      });
    });

    it('refuses bad input with an error naming the field', async () => {
      const ok = point({ ts: BASE, value: 1 });
      const tok = { dedupToken: 'conn-1:1' };
      const cases: [() => Promise<unknown>, RegExp][] = [
        [() => h.store.insertPoints('', [ok], tok), /^tenantId: must be a non-empty string/],
        [
          () => h.store.insertPoints('t', [ok], { dedupToken: '' }),
          /^options\.dedupToken: must be a non-empty/,
        ],
        [
          () => h.store.insertPoints('t', [{ ...ok, ts: 1_764_417_600 }], tok),
          /^points\[0\]\.ts: .*not seconds/,
        ],
        [
          () => h.store.insertPoints('t', [ok, { ...ok, value: Number.NaN }], tok),
          /^points\[1\]\.value: must be a finite/,
        ],
        [
          () => h.store.insertPoints('t', [{ ...ok, quality: 'great' as 'good' }], tok),
          /^points\[0\]\.quality: must be one of good, uncertain, bad/,
        ],
        [
          () => h.store.insertPoints('t', [{ ...ok, tag: '' }], tok),
          /^points\[0\]\.tag: must be a non-empty/,
        ],
        [
          () => h.store.insertPoints('t', [{ ...ok, equipment: 'a\nb' }], tok),
          /^points\[0\]\.equipment: contains control/,
        ],
        [
          () => h.store.insertPoints('t', [ok], { ...tok, retentionDays: 0 }),
          /^options\.retentionDays: must be an integer/,
        ],
        [
          () =>
            h.store.insertStateEvents(
              't',
              [{ plantId: 'p', connectorId: 'c', equipment: 'e', ts: BASE, state: 'Running!' }],
              tok,
            ),
          /^events\[0\]\.state: must be a lowercase code/,
        ],
        [
          () =>
            h.store.series('t', {
              plantId: 'p',
              equipment: 'e',
              tag: 'x',
              from: BASE,
              to: BASE,
              widthPx: 100,
            }),
          /^to: must be after from/,
        ],
        [
          () =>
            h.store.series('t', {
              plantId: 'p',
              equipment: 'e',
              tag: 'x',
              from: BASE,
              to: BASE + 1,
              widthPx: 0,
            }),
          /^widthPx: must be an integer from 2 to 20000/,
        ],
        [
          () =>
            h.store.series('t', {
              plantId: 'p',
              equipment: 'e',
              tag: 'x',
              from: BASE,
              to: BASE + 1,
              widthPx: 10,
              timeZone: 'Mars/Olympus',
            }),
          /^timeZone: "Mars\/Olympus" is not a known IANA time zone/,
        ],
        [() => h.store.latest('t', { tags: 'x' as unknown as string[] }), /^filter\.tags: must be an array/],
        [
          () =>
            h.store.shiftAggregates('t', {
              plantId: 'p',
              equipment: 'e',
              tags: ['x'],
              timeZone: 'UTC',
              fromDay: '2026-02-30',
              toDay: '2026-03-01',
              shifts: [{ code: 'A', start: '06:00', end: '14:00' }],
            }),
          /^fromDay: 2026-02-30 is not a calendar day/,
        ],
        [
          () =>
            h.store.shiftAggregates('t', {
              plantId: 'p',
              equipment: 'e',
              tags: ['x'],
              timeZone: 'UTC',
              fromDay: '2026-03-01',
              toDay: '2026-03-01',
              shifts: [
                { code: 'A', start: '06:00', end: '18:00' },
                { code: 'B', start: '14:00', end: '22:00' },
              ],
            }),
          /^shifts: B on 2026-03-01 overlaps A on 2026-03-01/,
        ],
        [
          () =>
            h.store.shiftAggregates('t', {
              plantId: 'p',
              equipment: 'e',
              tags: ['x'],
              timeZone: 'UTC',
              fromDay: '2026-03-01',
              toDay: '2026-03-01',
              shifts: [{ code: 'A', start: '6:00', end: '14:00' }],
            }),
          /^shifts\[0\]\.start: must be a local time written HH:MM/,
        ],
      ];
      for (const [call, message] of cases) await expect(call()).rejects.toThrow(message);
      // Nothing of the refused batches was stored.
      expect(await count(`SELECT count() AS c FROM ${h.db}.points WHERE tenant_id = 't'`)).toBe(0);
    });
  });
}
