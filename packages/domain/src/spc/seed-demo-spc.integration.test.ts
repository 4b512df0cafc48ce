/** The demo SPC history on both databases: a frozen X̄-R chart whose drift raises SPC alarms; idempotent. */
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { seedDemoTenant } from '../demo/seed-demo-tenant.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { analyseStoredChart } from './analyse-stored-chart.ts';
import { DEMO_SPC_CHART_NAME, seedDemoSpc } from './seed-demo-spc.ts';

const EAST = tenantIdForSlug('east-china-al');

describeEachDatabase('seedDemoSpc', (t) => {
  let ctx: TTenantContext;
  let plants: Record<string, string>;

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    const east = seeded.tenants['east-china-al'];
    const member = Object.values(east?.members ?? {})[0];
    if (!east || !member) throw new Error('no demo tenant');
    plants = east.plants;
    ctx = {
      tenantId: EAST,
      userId: member.userId,
      membershipId: member.membershipId,
      roles: ['tenant_admin'],
      plantIds: [],
    };
  });

  it('creates a frozen chart with phase II violations and their alarms, once', async () => {
    await withTenant(t.db, { tenantId: EAST }, (tx) => seedDemoSpc(tx, ctx, 'east-china-al', plants));
    await withTenant(t.db, { tenantId: EAST }, (tx) => seedDemoSpc(tx, ctx, 'east-china-al', plants));
    await withTenant(t.db, { tenantId: EAST }, async (tx) => {
      const charts = await tx.spcChart.findMany({ where: { tenantId: EAST, name: DEMO_SPC_CHART_NAME } });
      expect(charts).toHaveLength(1);
      const chart = charts[0];
      if (!chart) throw new Error('no chart');
      expect(chart.phase).toBe('II');
      const analysis = await analyseStoredChart(tx, chart);
      expect(analysis.subgroups).toHaveLength(32);
      expect(analysis.phaseTwoStart).toBe(25);
      const phaseTwoHits = analysis.series.flatMap((s) =>
        s.hits.flatMap((h) => h.indices.filter((i) => i >= 25)),
      );
      expect(phaseTwoHits.length).toBeGreaterThan(0);
      const alarms = await tx.alarm.findMany({
        where: { tenantId: EAST, source: 'spc', openKey: { startsWith: `spc:${chart.id}:` } },
      });
      expect(alarms.length).toBeGreaterThan(0);
      const requests = await tx.inspectionRequest.count({
        where: { tenantId: EAST, requestNo: { startsWith: 'QI-SPC-DEMO-' } },
      });
      expect(requests).toBe(32);
    });
  });
});
