/**
 * telemetry.* through the API against a real chDB store (temp directory, its own database) and real PostgreSQL /
 * PGlite: the live snapshot joins the plant's equipment with the latest values and states, series come back
 * downsampled to the chart's width (raw, sub-minute buckets, one-minute rollup), the tag catalogue lists what has
 * data; plant scope and tenant isolation hold even when another tenant's rows carry this tenant's plant id.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tenantIdForSlug } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import {
  openChdbDirectory,
  openTelemetryStore,
  type TelemetryPoint,
  type TelemetryStore,
} from '@ingot/telemetry';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  callerFor,
  EAST,
  EAST_ADMIN,
  EAST_PLANNER,
  JIANGNAN,
  JIANGNAN_ADMIN,
  type TCaller,
} from './test-support/demo-callers.ts';

const A = tenantIdForSlug(EAST);
const B = tenantIdForSlug(JIANGNAN);
const S = 1000;
const M = 60 * S;
const H = 60 * M;

// chDB allows one data directory per process; vitest runs each test file in its own process.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-api-telemetry-'));
let store: TelemetryStore;
let seq = 0;
const now = Date.now();
/** Start of the two hours of one-second samples (value = seconds since start) of CM-1 strip_speed. */
const base = Math.floor((now - 3 * 24 * H) / H) * H;
/** Plant ids are the same in both databases of describeEachDatabase (UUID v5): the store is filled once. */
const filledFor = new Set<string>();

beforeAll(async () => {
  store = openTelemetryStore({
    backend: 'chdb',
    dataDir,
    database: `api_telemetry_${randomBytes(4).toString('hex')}`,
  });
  await store.ensureSchema();
});

afterAll(async () => {
  await store?.close();
  if (!openChdbDirectory()) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function failure(call: Promise<unknown>): Promise<{ code: string; message: string; field: unknown }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    // Input errors carry the ZodError: its issues as `path: message`, as the error formatter words them.
    const message =
      e.cause instanceof ZodError
        ? e.cause.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')
        : e.message;
    return { code: e.code, message, field: (e.cause as { field?: unknown } | undefined)?.field };
  }
  throw new Error('expected the call to fail, it succeeded');
}

const insert = (tenant: string, points: TelemetryPoint[]) =>
  store.insertPoints(tenant, points, { dedupToken: `test:${++seq}` });

describeEachDatabase('telemetry API over a real chDB store', (t) => {
  let admin: TCaller;
  let planner: TCaller;
  let other: TCaller;
  let noTelemetry: TCaller;
  let rp: string;
  let ep: string;
  let csp: string;

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP as string;
    ep = seeded.tenants[EAST]?.plants.EP as string;
    csp = seeded.tenants[JIANGNAN]?.plants.CSP as string;
    admin = callerFor(t.db, EAST_ADMIN, EAST, { telemetry: store });
    planner = callerFor(t.db, EAST_PLANNER, EAST, { telemetry: store });
    other = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN, { telemetry: store });
    noTelemetry = callerFor(t.db, EAST_ADMIN, EAST);
    if (filledFor.has(rp)) return;
    filledFor.add(rp);
    const p = (
      plantId: string,
      equipment: string,
      tag: string,
      ts: number,
      value: number | null,
      text?: string,
    ) =>
      ({
        plantId,
        connectorId: 'sim-rp',
        equipment,
        tag,
        ts,
        value,
        text: text ?? null,
        quality: 'good',
      }) as const;
    const speed: TelemetryPoint[] = [];
    for (let i = 0; i < 2 * 3600; i++) speed.push(p(rp, 'CM-1', 'strip_speed', base + i * S, i));
    for (let i = 0; i < speed.length; i += 2000) await insert(A, speed.slice(i, i + 2000));
    await insert(A, [
      p(rp, 'CM-1', 'exit_thickness', now - 2 * S, 0.271),
      p(rp, 'CM-1', 'coil_id', now - 2 * S, null, 'RC1-000123'),
      p(rp, 'CM-1', 'state', now - 2 * S, 1),
      p(rp, 'CM-2', 'exit_thickness', now - 10 * M, 0.5),
      p(rp, 'CM-2', 'state', now - 10 * M, null, 'FAULT'),
      p(rp, 'ENV-1', 'dust', now - 5 * S, 3.2),
      p(ep, 'EXP-1', 'ram_speed', now - S, 7.5),
    ]);
    await store.insertStateEvents(
      A,
      [{ plantId: rp, connectorId: 'sim-rp', equipment: 'HM-1', ts: now - 20 * S, state: 'setup' }],
      { dedupToken: `test:${++seq}` },
    );
    // Another tenant's rows, one set even carrying A's plant id: A must never see them.
    await insert(B, [
      p(rp, 'CM-1', 'exit_thickness', now - S, 9.99),
      p(rp, 'CM-1', 'leak_b', now - S, 1),
      p(csp, 'CM-1', 'exit_thickness', now - S, 8.88),
    ]);
  });

  describe('telemetry.live', () => {
    it('joins the plant equipment with latest values and states, marking stale tiles', async () => {
      const snap = await admin.telemetry.live({ plantId: rp });
      expect(snap.plant).toMatchObject({ id: rp, code: 'RP' });
      const byCode = new Map(snap.equipment.map((e) => [e.code, e]));
      // Every equipment of the hierarchy is a tile, with or without data; ENV-1 is not in the hierarchy.
      expect([...byCode.keys()]).toEqual(expect.arrayContaining(['CM-1', 'CM-2', 'HM-1', 'CTL-1']));
      expect(byCode.has('ENV-1')).toBe(false);
      const cm1 = byCode.get('CM-1');
      expect(cm1).toMatchObject({ state: 'run', stale: false, class: 'cold_mill' });
      expect(cm1?.values.map((v) => v.tag)).toEqual(['coil_id', 'exit_thickness', 'state', 'strip_speed']);
      expect(cm1?.values.find((v) => v.tag === 'exit_thickness')?.value).toBe(0.271);
      expect(cm1?.values.find((v) => v.tag === 'coil_id')?.text).toBe('RC1-000123');
      expect(cm1?.lastTs?.getTime()).toBe(now - 2 * S);
      expect(byCode.get('CM-2')).toMatchObject({ state: 'fault', stale: true });
      expect(byCode.get('HM-1')).toMatchObject({ state: 'setup', stale: true, lastTs: null, values: [] });
      expect(byCode.get('CTL-1')).toMatchObject({ state: 'unknown', stale: true, values: [] });
    });

    it("never shows another tenant's rows, even those carrying this plant's id", async () => {
      const snap = await admin.telemetry.live({ plantId: rp });
      const all = snap.equipment.flatMap((e) => e.values);
      expect(all.some((v) => v.tag === 'leak_b' || v.value === 9.99 || v.value === 8.88)).toBe(false);
    });

    it("answers NOT_FOUND for another tenant's plant and for a plant outside the member's scope", async () => {
      expect(await failure(admin.telemetry.live({ plantId: csp }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'plantId',
      });
      expect(await failure(other.telemetry.live({ plantId: rp }))).toMatchObject({ code: 'NOT_FOUND' });
      // The planner works in RP only.
      expect((await planner.telemetry.live({ plantId: rp })).equipment.length).toBeGreaterThan(0);
      expect(await failure(planner.telemetry.live({ plantId: ep }))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('B sees its own plant only with its own values', async () => {
      const snap = await other.telemetry.live({ plantId: csp });
      const cm1 = snap.equipment.find((e) => e.code === 'CM-1');
      expect(cm1?.values).toEqual([expect.objectContaining({ tag: 'exit_thickness', value: 8.88 })]);
    });

    it('answers PRECONDITION_FAILED (not a 500) when telemetry is not running', async () => {
      const f = await failure(noTelemetry.telemetry.live({ plantId: rp }));
      expect(f.code).toBe('PRECONDITION_FAILED');
      expect(f.message).toMatch(/telemetry is not running/);
      // Another tenant's plant stays NOT_FOUND either way.
      expect(await failure(noTelemetry.telemetry.live({ plantId: csp }))).toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('telemetry.series', () => {
    const ref = { equipment: 'CM-1', tag: 'strip_speed' };

    it('returns the raw points when the range holds fewer than the chart width', async () => {
      const out = await admin.telemetry.series({
        plantId: rp,
        series: [ref],
        from: new Date(base + 10 * M),
        to: new Date(base + 11 * M),
        widthPx: 600,
      });
      expect(out.timezone).toBe('Asia/Shanghai');
      const s = out.series[0];
      expect(s).toMatchObject({ equipment: 'CM-1', tag: 'strip_speed', source: 'raw', bucketMs: 0 });
      expect(s?.buckets).toHaveLength(60);
      expect(s?.buckets[0]).toMatchObject({ min: 600, max: 600, avg: 600, count: 1 });
    });

    it('downsamples an hour to buckets with min, max and avg, at most widthPx of them', async () => {
      const out = await admin.telemetry.series({
        plantId: rp,
        series: [ref, { equipment: 'CM-1', tag: 'exit_thickness' }],
        from: new Date(base),
        to: new Date(base + H),
        widthPx: 600,
      });
      const [speed, thickness] = out.series;
      expect(speed).toMatchObject({ source: 'points', bucketMs: 10 * S });
      expect(speed?.buckets).toHaveLength(360);
      expect(speed?.buckets[0]).toMatchObject({ min: 0, max: 9, avg: 4.5, count: 10 });
      expect(speed?.buckets[359]).toMatchObject({ min: 3590, max: 3599, count: 10 });
      // No sample of exit_thickness in that hour: an empty series, not an error.
      expect(thickness?.buckets).toEqual([]);
    });

    it('serves ninety days from the one-minute rollup, counting every sample once', async () => {
      const out = await admin.telemetry.series({
        plantId: rp,
        series: [ref],
        from: new Date(now - 90 * 24 * H),
        to: new Date(now),
        widthPx: 800,
      });
      const s = out.series[0];
      expect(s?.source).toBe('rollup_1m');
      expect(s?.buckets.length).toBeLessThanOrEqual(800);
      expect(s?.buckets.reduce((n, b) => n + b.count, 0)).toBe(7200);
      expect(Math.min(...(s?.buckets.map((b) => b.min ?? Infinity) ?? []))).toBe(0);
      expect(Math.max(...(s?.buckets.map((b) => b.max ?? -Infinity) ?? []))).toBe(7199);
    });

    it("keeps other tenants' rows out and refuses their plants", async () => {
      const out = await admin.telemetry.series({
        plantId: rp,
        series: [{ equipment: 'CM-1', tag: 'leak_b' }],
        from: new Date(now - H),
        to: new Date(now + M),
        widthPx: 100,
      });
      expect(out.series[0]?.buckets).toEqual([]);
      const f = await failure(
        admin.telemetry.series({
          plantId: csp,
          series: [ref],
          from: new Date(now - H),
          to: new Date(now),
          widthPx: 100,
        }),
      );
      expect(f).toMatchObject({ code: 'NOT_FOUND', field: 'plantId' });
      expect(f.message).not.toContain(csp);
    });

    it('refuses ranges over ninety days, under a minute and repeated tags, naming the field', async () => {
      const input = { plantId: rp, series: [ref], widthPx: 100 };
      const f1 = await failure(
        admin.telemetry.series({ ...input, from: new Date(now - 91 * 24 * H), to: new Date(now) }),
      );
      expect(f1.code).toBe('BAD_REQUEST');
      expect(f1.message).toMatch(/to: must be at most 90 days/);
      const f2 = await failure(admin.telemetry.series({ ...input, from: new Date(now), to: new Date(now) }));
      expect(f2.message).toMatch(/to: must be at least one minute/);
      const f3 = await failure(
        admin.telemetry.series({ ...input, series: [ref, ref], from: new Date(now - H), to: new Date(now) }),
      );
      expect(f3.message).toMatch(/series\.1: this tag is already in the trend/);
    });
  });

  describe('telemetry.tags', () => {
    it('lists the equipment and tags of the plant that have data, with hierarchy names', async () => {
      const cat = await admin.telemetry.tags({ plantId: rp });
      expect(cat.equipment.map((e) => e.code)).toEqual(['CM-1', 'CM-2', 'ENV-1']);
      const cm1 = cat.equipment[0];
      expect(cm1).toMatchObject({ code: 'CM-1', class: 'cold_mill' });
      expect(cm1?.name).toBeTruthy();
      expect(cm1?.tags.map((x) => [x.tag, x.numeric])).toEqual([
        ['coil_id', false],
        ['exit_thickness', true],
        ['state', true],
        ['strip_speed', true],
      ]);
      expect(cat.equipment[2]).toMatchObject({ code: 'ENV-1', id: null, name: null, class: null });
    });

    it("answers NOT_FOUND for another tenant's plant and outside the member's plants", async () => {
      expect(await failure(other.telemetry.tags({ plantId: rp }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failure(planner.telemetry.tags({ plantId: ep }))).toMatchObject({ code: 'NOT_FOUND' });
      expect((await other.telemetry.tags({ plantId: csp })).equipment.map((e) => e.code)).toEqual(['CM-1']);
    });
  });
});
