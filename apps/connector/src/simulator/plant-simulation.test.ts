import { describe, expect, it } from 'vitest';
import { parseFaultSpec } from './fault-spec.ts';
import { PlantSimulation } from './plant-simulation.ts';

const make = (seed = 21) => new PlantSimulation({ seed, plants: ['RP', 'EP'], tickMs: 100, timeScale: 1 });

function values(sim: PlantSimulation, code: string) {
  const m = sim.findModel(code);
  if (!m) throw new Error(code);
  return m.read();
}

/** Runs n ticks and returns the last published values of one equipment (faults applied). */
function runTicks(sim: PlantSimulation, n: number, code: string) {
  let last: Record<string, number | string> | undefined;
  for (let i = 0; i < n; i++) {
    for (const u of sim.advance().updates) if (u.model.code === code) last = u.values;
  }
  return last ?? {};
}

describe('PlantSimulation', () => {
  it('models the demo tenant plants with their seeded equipment codes', () => {
    const sim = make();
    expect(sim.models.map((m) => `${m.plant}/${m.code}`)).toEqual([
      'RP/CM-1',
      'RP/CM-2',
      'RP/FM-1',
      'RP/HM-1',
      'RP/AF-1',
      'RP/AF-2',
      'RP/AF-3',
      'RP/ENV-CR',
      'RP/ENV-HR',
      'RP/ENV-HT',
      'EP/EXP-1',
      'EP/EXP-2',
      'EP/HF-1',
      'EP/AO-1',
      'EP/AO-2',
      'EP/ENV-EXT',
    ]);
  });

  it('numbers every equipment update: seq is 1, 2, ... per equipment and producedCount their sum', () => {
    const sim = make();
    const seen = new Map<string, number[]>();
    for (let i = 0; i < 100; i++) {
      for (const u of sim.advance().updates) {
        const k = `${u.model.plant}/${u.model.code}`;
        seen.set(k, [...(seen.get(k) ?? []), u.seq]);
      }
    }
    expect(seen.get('RP/CM-1')).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(seen.get('RP/AF-1')).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(sim.producedCount()).toBe(6 * 100 + 10 * 10);
    expect(sim.sequences()['EP/EXP-2']).toBe(100);
  });

  it("gives each equipment its own random stream: other equipment does not change a model's values", () => {
    const alone = new PlantSimulation({ seed: 5, plants: ['RP'], tickMs: 100, timeScale: 1 });
    const both = new PlantSimulation({ seed: 5, plants: ['RP', 'EP'], tickMs: 100, timeScale: 1 });
    expect(runTicks(alone, 500, 'CM-1')).toEqual(runTicks(both, 500, 'CM-1'));
  });

  it('is deterministic for a seed, faults included', () => {
    const run = (seed: number) => {
      const sim = make(seed);
      sim.injectFault(parseFaultSpec('bearing-drift:CM-1,rate=2,at=5s'));
      const out: unknown[] = [];
      for (let i = 0; i < 3000; i++) out.push(sim.advance().updates.map((u) => u.values));
      return { out, meters: sim.meters.readings() };
    };
    const a = run(3);
    expect(run(3)).toEqual(a);
    expect(run(4).out).not.toEqual(a.out);
  });

  it('bearing drift adds exactly rate x minutes to the bearing temperature and nothing else', () => {
    const twin = make();
    const sim = make();
    runTicks(twin, 100, 'HM-1');
    runTicks(sim, 100, 'HM-1');
    const id = sim.injectFault(parseFaultSpec('bearing-drift:HM-1,rate=3'));
    const base = runTicks(twin, 1200, 'HM-1');
    const drifted = runTicks(sim, 1200, 'HM-1');
    expect((drifted.bearing_temp as number) - (base.bearing_temp as number)).toBeCloseTo(3 * 2, 1);
    expect({ ...drifted, bearing_temp: 0 }).toEqual({ ...base, bearing_temp: 0 });
    expect(sim.activeFaults().map((f) => f.id)).toEqual([id]);
    sim.clearFault(id);
    expect(runTicks(sim, 1, 'HM-1')).toEqual(runTicks(twin, 1, 'HM-1'));
  });

  it('gauge drift offsets the measured exit thickness by rate x minutes', () => {
    const twin = make();
    const sim = make();
    sim.injectFault(parseFaultSpec('gauge-drift:CM-1,rate=0.01'));
    const base = runTicks(twin, 3000, 'CM-1');
    const drifted = runTicks(sim, 3000, 'CM-1');
    expect((drifted.exit_thickness as number) - (base.exit_thickness as number)).toBeCloseTo(0.05, 3);
  });

  it('a stuck sensor holds the value it had and starts and stops on time', () => {
    const sim = make();
    runTicks(sim, 50, 'EXP-1');
    sim.injectFault(parseFaultSpec('stuck-sensor:EXP-1/ram_position,at=1s,for=20s'));
    runTicks(sim, 10, 'EXP-1');
    const frozen = values(sim, 'EXP-1').ram_position;
    const during = Array.from({ length: 150 }, () => runTicks(sim, 1, 'EXP-1').ram_position);
    expect(new Set(during)).toEqual(new Set([frozen]));
    const after = Array.from({ length: 400 }, () => runTicks(sim, 1, 'EXP-1').ram_position);
    expect(new Set(after).size).toBeGreaterThan(1);
    expect(sim.activeFaults()).toEqual([]);
  });

  it('a trip sets the fault state until it ends', () => {
    const sim = make();
    sim.injectFault(parseFaultSpec('trip:CM-2,for=5s'));
    expect(runTicks(sim, 2, 'CM-2').state).toBe(2);
    expect(runTicks(sim, 60, 'CM-2').state).not.toBe(2);
  });

  it('hands a due server restart to the server layer once', () => {
    const sim = make();
    const id = sim.injectFault(parseFaultSpec('server-restart,at=1s,down=3s'));
    const restarts = Array.from({ length: 30 }, () => sim.advance().restarts).flat();
    expect(restarts).toEqual([{ id, downS: 3 }]);
  });

  it('refuses faults on equipment or tags it does not simulate', () => {
    const sim = make();
    expect(() => sim.injectFault(parseFaultSpec('trip:XX-9'))).toThrow(/unknown equipment "XX-9"/);
    expect(() => sim.injectFault(parseFaultSpec('bearing-drift:AF-1'))).toThrow(
      /AF-1 has no tag "bearing_temp"/,
    );
    expect(() => sim.injectFault(parseFaultSpec('trip:ENV-CR'))).toThrow(/ENV-CR cannot trip/);
  });
});

describe('other equipment models', () => {
  const sim = new PlantSimulation({ seed: 8, plants: ['RP', 'EP'], tickMs: 1000, timeScale: 1 });
  const history = new Map<string, Array<Record<string, number | string>>>();
  for (let i = 0; i < 4 * 3600; i++) {
    for (const u of sim.advance().updates)
      history.set(u.model.code, [...(history.get(u.model.code) ?? []).slice(-20_000), u.values]);
  }
  const h = (code: string) => history.get(code) ?? [];

  it('extrusion presses: billets counted, pressure within the press rating and peaking at breakthrough', () => {
    const p = h('EXP-1');
    const last = p[p.length - 1] ?? {};
    // ~25-30 billets an hour (cnal-extr-econ: 30 billets/h), fewer with die changes
    expect(last.billet_count).toBeGreaterThan(20);
    expect(Math.max(...p.map((v) => v.pressure as number))).toBeLessThanOrEqual(250);
    expect(Math.max(...p.map((v) => v.press_force as number))).toBeLessThanOrEqual(35);
    expect(Math.max(...p.map((v) => v.press_force as number))).toBeGreaterThan(25);
    for (const v of p) expect(v.billet_temp as number).toBeGreaterThan(450);
    // direct extrusion: container friction falls as the billet shortens, so the stroke starts at higher pressure
    const extruding = p.filter((v) => (v.exit_speed as number) > 0);
    const mean = (xs: Array<Record<string, number | string>>) =>
      xs.reduce((a, v) => a + (v.pressure as number), 0) / xs.length;
    const early = extruding.filter((v) => (v.ram_position as number) < 0.3 * (v.billet_length as number));
    const late = extruding.filter((v) => (v.ram_position as number) > 0.7 * (v.billet_length as number));
    expect(early.length).toBeGreaterThan(50);
    expect(mean(early)).toBeGreaterThan(mean(late) + 20);
  });

  it('furnaces: zone actuals follow their set points, metal never above the atmosphere for long', () => {
    for (const code of ['AF-1', 'AO-1', 'HF-1']) {
      const f = h(code);
      const last = f[f.length - 1] ?? {};
      const sp = last['zone1.sp'] as number;
      expect(Math.abs((last['zone1.pv'] as number) - sp)).toBeLessThan(Math.max(20, 0.6 * sp));
      expect(last.metal_temp as number).toBeLessThan(560);
      expect([0, 1, 2, 3]).toContain(last.phase);
    }
    const ageing = h('AO-2').map((v) => v['zone2.sp'] as number);
    expect(Math.max(...ageing)).toBeLessThanOrEqual(185 + 10);
  });

  it('environment: noise, dust and CO stay in workplace ranges', () => {
    for (const v of h('ENV-CR')) {
      expect(v.noise as number).toBeGreaterThan(60);
      expect(v.noise as number).toBeLessThan(100);
      expect(v.dust as number).toBeGreaterThan(0);
      expect(v.dust as number).toBeLessThan(5);
      expect(v.co as number).toBeLessThan(25);
    }
  });

  it('foil mill: up to 2000 m/min, foil gauges down to 0.006 mm held within a few per cent', () => {
    const f = h('FM-1').filter((v) => (v.strip_speed as number) > 500);
    expect(f.length).toBeGreaterThan(1000);
    for (const v of f) {
      expect(v.strip_speed as number).toBeLessThanOrEqual(2000);
      expect(['8011', '1235']).toContain(v.alloy);
      const rel =
        Math.abs((v.exit_thickness as number) - (v.target_thickness as number)) /
        (v.target_thickness as number);
      expect(rel).toBeLessThan(0.15);
    }
  });

  it('hot mill: 22 roughing passes to the 30 mm transfer bar, hot band 2-7 mm', () => {
    const m = h('HM-1');
    expect(Math.max(...m.map((v) => v.pass_no as number))).toBe(22);
    const bands = m.filter((v) => (v.exit_speed as number) > 100).map((v) => v.exit_thickness as number);
    expect(bands.length).toBeGreaterThan(100);
    for (const b of bands) {
      expect(b).toBeGreaterThan(2);
      expect(b).toBeLessThan(7.6);
    }
  });
});
