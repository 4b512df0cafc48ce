import { tenantIdForSlug, withTenant } from '@ingot/db';
import type { TSweepExtension } from './sweep-extension.ts';

const FROM = new Date('2026-10-01T00:00:00Z');
const TO = new Date('2026-11-01T00:00:00Z');

/**
 * The qualityKpi.* procedures in the API-wide sweeps (see sweep-extension.ts). KPIs aimed at B's plant are refused
 * and without a plant they list A's own; the coil procedures check the plant (and a chosen specification) in the
 * caller's tenant before the telemetry store is asked, so B's plant and B's specification are NOT_FOUND even for
 * callers without telemetry. Figures with a real store are in quality-kpi-coil.integration.test.ts.
 */
export const qualityKpiSweep: TSweepExtension = {
  name: 'qualityKpi',
  seed: async (db) => {
    const specOf = async (slug: string) => {
      const tenantId = tenantIdForSlug(slug);
      return withTenant(db, { tenantId }, async (tx) => {
        const spec = await tx.productSpec.findFirst({ where: { tenantId }, orderBy: { code: 'asc' } });
        if (!spec) throw new Error(`${slug} has no product specification to aim at`);
        return spec.id;
      });
    };
    return { a: { spec: await specOf('east-china-al') }, b: { spec: await specOf('jiangnan-copper') } };
  },
  cases: (a, b) => [
    { path: 'qualityKpi.kpis', input: { plantId: b.plant, from: FROM, to: TO }, expect: 'reject' },
    { path: 'qualityKpi.kpis', input: { from: FROM, to: TO }, expect: 'ok' },
    {
      path: 'qualityKpi.coils',
      input: { plantId: b.plant, equipment: 'CM-1', from: FROM, to: TO },
      expect: 'reject',
    },
    {
      path: 'qualityKpi.coilQuality',
      input: { plantId: b.plant, equipment: 'CM-1', coilId: 'CR001001' },
      expect: 'reject',
    },
    {
      path: 'qualityKpi.coilQuality',
      input: { plantId: a.plant, equipment: 'CM-1', coilId: 'CR001001', specId: b.spec },
      expect: 'reject',
    },
  ],
  badInputs: ({ plant }) => [
    { path: 'qualityKpi.kpis', input: { plantId: plant, from: TO, to: FROM }, field: 'to' },
    {
      path: 'qualityKpi.coils',
      input: { plantId: plant, equipment: 'CM 1!', from: FROM, to: TO },
      field: 'equipment',
    },
    {
      path: 'qualityKpi.coilQuality',
      input: { plantId: plant, equipment: 'CM-1', coilId: 'CR001001', binMetres: 0 },
      field: 'binMetres',
    },
  ],
};
