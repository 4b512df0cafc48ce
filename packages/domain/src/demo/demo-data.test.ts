import { EQUIPMENT_CLASSES, ZCode, ZEquipmentAttributes, ZName, ZSlug } from '@ingot/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_PLATFORM_ADMIN, DEMO_TENANTS } from './demo-data.ts';

describe('demo data', () => {
  const equipment = DEMO_TENANTS.flatMap((t) =>
    t.plants.flatMap((p) =>
      p.areas.flatMap((a) => a.lines.flatMap((l) => l.equipment.map((e) => ({ p, e })))),
    ),
  );

  it('passes the API input rules (codes, names, attributes)', () => {
    for (const t of DEMO_TENANTS) {
      expect(ZSlug.safeParse(t.slug).success).toBe(true);
      for (const p of t.plants) {
        expect(ZCode.safeParse(p.code).success, p.code).toBe(true);
        for (const a of p.areas) {
          expect(ZCode.safeParse(a.code).success, a.code).toBe(true);
          for (const l of a.lines) expect(ZCode.safeParse(l.code).success, l.code).toBe(true);
        }
      }
    }
    for (const { e } of equipment) {
      expect(ZCode.safeParse(e.code).success, e.code).toBe(true);
      expect(ZName.safeParse(e.name).success, e.name).toBe(true);
      expect(EQUIPMENT_CLASSES).toContain(e.class);
      expect(ZEquipmentAttributes.safeParse(e.attributes).success, e.code).toBe(true);
    }
  });

  it('cites a source for every equipment figure, and has an English alias', () => {
    for (const { e } of equipment) {
      expect(typeof e.attributes.source, e.code).toBe('string');
      expect(e.attributes.nameEn, e.code).toBe(e.nameEn);
    }
  });

  it('has unique codes per plant (the database enforces it too)', () => {
    for (const t of DEMO_TENANTS) {
      for (const p of t.plants) {
        const areas = p.areas.map((a) => a.code);
        const lines = p.areas.flatMap((a) => a.lines.map((l) => l.code));
        const eq = p.areas.flatMap((a) => a.lines.flatMap((l) => l.equipment.map((e) => e.code)));
        for (const list of [areas, lines, eq]) expect(new Set(list).size).toBe(list.length);
      }
    }
  });

  it('has the people the sign-in page names', () => {
    const emails = DEMO_TENANTS.flatMap((t) => t.members.map((m) => m.email));
    expect(emails).toEqual(
      expect.arrayContaining([
        'admin@east-china-al.demo',
        'planner@east-china-al.demo',
        'admin@jiangnan-copper.demo',
      ]),
    );
    expect(DEMO_PLATFORM_ADMIN.email).toBe('platform@ingot.demo');
    const planner = DEMO_TENANTS[0]?.members.find((m) => m.email === 'planner@east-china-al.demo');
    expect(planner).toMatchObject({ roles: ['planner'], plantCodes: ['RP'] });
  });
});
