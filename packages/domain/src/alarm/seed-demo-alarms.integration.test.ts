/** The demo seed's alarm rules: valid for their kind, on the simulator's equipment, created once however often the seed runs. */
import { ZCreateAlarmRuleInput } from '@ingot/contracts';
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { describeEachDatabase } from '@ingot/testing';
import { expect, it } from 'vitest';
import { seedDemoTenant } from '../demo/seed-demo-tenant.ts';
import { toAlarmRuleDto } from './alarm-rule-dto.ts';

const EAST = tenantIdForSlug('east-china-al');

describeEachDatabase('demo alarm rules', (t) => {
  it('seeds valid rules once, even when the seed runs again', async () => {
    await seedDemoTenant(t.db);
    await seedDemoTenant(t.db);
    const rules = await withTenant(t.db, { tenantId: EAST }, (tx) =>
      tx.alarmRule.findMany({ where: { tenantId: EAST } }),
    );
    expect(rules.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rules.map((r) => `${r.plantId}:${r.name}`)).size).toBe(rules.length);
    expect(rules.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['high', 'rate_of_change', 'stale', 'state_change']),
    );
    for (const r of rules) {
      const { id: _id, createdAt: _c, updatedAt: _u, ...settings } = toAlarmRuleDto(r);
      const parsed = ZCreateAlarmRuleInput.safeParse(settings);
      expect(parsed.success, `${r.name}: ${parsed.error?.message}`).toBe(true);
    }
    const jiangnan = tenantIdForSlug('jiangnan-copper');
    const other = await withTenant(t.db, { tenantId: jiangnan }, (tx) => tx.alarmRule.count());
    expect(other).toBe(0);
  });
});
