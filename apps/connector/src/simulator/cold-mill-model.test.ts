import { describe, expect, it } from 'vitest';
import { ColdMillModel, type TColdMillSpec } from './cold-mill-model.ts';
import { DEFECT_TYPES, type TSurfaceDefect } from './model-types.ts';

const SPEC: TColdMillSpec = {
  plant: 'RP',
  code: 'CM-2',
  name: '2#四辊不可逆冷轧机',
  nameEn: 'Cold rolling mill No.2',
  maxSpeedMPerMin: 600,
  workRollRadiusM: 0.18,
  widthMm: [800, 1250],
  coilWeightT: [5, 10],
  passes: [
    [4, 2.2],
    [2.2, 1.2],
    [1.2, 0.65],
    [0.65, 0.35],
  ],
  agcToleranceMm: 0.005,
  coilPrefix: 'RC2',
};

interface TSample {
  v: Record<string, number | string>;
  phase: string;
}

function run(seed: number, seconds: number, dt = 0.1) {
  const m = new ColdMillModel(SPEC, seed);
  const samples: TSample[] = [];
  const defects: TSurfaceDefect[] = [];
  for (let t = 0; t < seconds; t += dt) {
    m.step(dt);
    samples.push({ v: { ...m.read() }, phase: m.currentPhase });
    defects.push(...m.drainDefects());
  }
  return { m, samples, defects };
}

describe('ColdMillModel', () => {
  const { samples, defects } = run(11, 3 * 3600);
  const n = (s: TSample, k: string) => s.v[k] as number;

  it('rolls several coils in three hours, each to its full length, with an idle coil change between', () => {
    const counts = samples.map((s) => n(s, 'coil_count'));
    expect(counts[counts.length - 1]).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < samples.length; i++) {
      const a = samples[i - 1] as TSample;
      const b = samples[i] as TSample;
      if (n(b, 'coil_count') > n(a, 'coil_count')) {
        expect(b.v.coil_id).not.toBe(a.v.coil_id);
        expect(n(b, 'coil_length')).toBe(0);
        expect(n(b, 'state')).toBe(0);
      } else if (b.v.coil_id === a.v.coil_id) {
        expect(n(b, 'coil_length')).toBeGreaterThanOrEqual(n(a, 'coil_length'));
      }
    }
  });

  it('holds exit thickness near target at speed: within ±0.005 mm AGC capability (3 sigma) most of the time', () => {
    const steady = samples.filter((s) => s.phase === 'steady');
    expect(steady.length).toBeGreaterThan(10_000);
    const dev = steady.map((s) => Math.abs(n(s, 'exit_thickness') - n(s, 'target_thickness')));
    const within = dev.filter(
      (d, i) => d <= Math.max(0.005, 0.005 * n(steady[i] as TSample, 'target_thickness')),
    ).length;
    expect(within / dev.length).toBeGreaterThan(0.97);
    expect(Math.max(...dev)).toBeLessThan(0.03);
    // gauge-control noise, not a constant
    expect(new Set(steady.slice(0, 100).map((s) => s.v.exit_thickness)).size).toBeGreaterThan(20);
  });

  it('keeps mass flow: entry speed x entry thickness = exit speed x exit thickness', () => {
    for (const s of samples.filter((x) => x.phase === 'steady').slice(0, 5000)) {
      const inFlow = n(s, 'entry_speed') * n(s, 'entry_thickness');
      const outFlow = n(s, 'strip_speed') * n(s, 'exit_thickness');
      expect(Math.abs(inFlow - outFlow) / outFlow).toBeLessThan(0.01);
    }
  });

  it('draws motor power that rises with speed and roll force, and idles when stopped', () => {
    const idle = samples.filter((s) => n(s, 'state') === 0);
    expect(
      idle.every((s) => n(s, 'motor_power') === 90 && n(s, 'strip_speed') === 0 && n(s, 'roll_force') === 0),
    ).toBe(true);
    const running = samples.filter((s) => n(s, 'strip_speed') > 100);
    // power / (force x speed) is nearly constant for one pass: correlation of power with force x speed
    const x = running.map((s) => n(s, 'roll_force') * n(s, 'strip_speed'));
    const y = running.map((s) => n(s, 'motor_power'));
    const mx = x.reduce((a, b) => a + b, 0) / x.length;
    const my = y.reduce((a, b) => a + b, 0) / y.length;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < x.length; i++) {
      const dx = (x[i] as number) - mx;
      const dy = (y[i] as number) - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.9);
    expect(Math.max(...y)).toBeLessThan(6000);
    expect(Math.max(...running.map((s) => n(s, 'strip_speed')))).toBeLessThanOrEqual(600);
    // strip heats by deformation to about 100 °C (process-rules proc-cold-temperature)
    expect(Math.max(...samples.map((s) => n(s, 'strip_temp')))).toBeLessThan(130);
  });

  it('finds surface defects along each coil with a type, a position within the coil and a severity', () => {
    expect(defects.length).toBeGreaterThan(10);
    const lengthOf = new Map<string, number>();
    for (const s of samples)
      lengthOf.set(
        s.v.coil_id as string,
        Math.max(lengthOf.get(s.v.coil_id as string) ?? 0, n(s, 'coil_length')),
      );
    defects.forEach((d, i) => {
      expect(d.defectNo).toBe(i + 1);
      expect(DEFECT_TYPES).toContain(d.type);
      expect(d.typeCode).toBe(DEFECT_TYPES.indexOf(d.type) + 1);
      expect([1, 2, 3]).toContain(d.severity);
      expect(d.positionM).toBeGreaterThanOrEqual(0);
      expect(d.positionM).toBeLessThanOrEqual((lengthOf.get(d.coilId) ?? 0) + 0.1);
      expect(d.crossPositionMm).toBeGreaterThanOrEqual(0);
      expect(d.crossPositionMm).toBeLessThanOrEqual(1250);
    });
    const last = samples[samples.length - 1] as TSample;
    expect(last.v.defect_no).toBe(defects.length);
  });

  it('trips to the fault state, stops and loads a new coil when reset', () => {
    const m = new ColdMillModel(SPEC, 4);
    while (m.currentPhase !== 'steady') m.step(0.1);
    const coil = m.read().coil_id;
    m.setTripped(true);
    for (let i = 0; i < 300; i++) m.step(0.1);
    expect(m.read().state).toBe(2);
    expect(m.read().strip_speed).toBe(0);
    m.setTripped(false);
    m.step(0.1);
    expect(m.read().state).toBe(0);
    expect(m.read().coil_id).not.toBe(coil);
  });

  it('is a pure function of the seed', () => {
    const a = run(5, 600).samples.map((s) => s.v);
    const b = run(5, 600).samples.map((s) => s.v);
    const c = run(6, 600).samples.map((s) => s.v);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});
