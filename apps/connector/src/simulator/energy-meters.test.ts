import { describe, expect, it } from 'vitest';
import {
  decodeRegister,
  EnergyMeters,
  encodeRegister,
  PLANT_BLOCK,
  registerMap,
  registerWidth,
} from './energy-meters.ts';
import { buildPlantModels } from './plant-catalogue.ts';

describe('register encoding', () => {
  it('puts the high word first for big word order and last for little (CDAB)', () => {
    expect(encodeRegister({ type: 'uint32', wordOrder: 'big', scale: 1 }, 0x12345678)).toEqual([
      0x1234, 0x5678,
    ]);
    expect(encodeRegister({ type: 'uint32', wordOrder: 'little', scale: 1 }, 0x12345678)).toEqual([
      0x5678, 0x1234,
    ]);
    // IEEE 754: 1.0f = 0x3F800000
    expect(encodeRegister({ type: 'float32', wordOrder: 'big', scale: 1 }, 1)).toEqual([0x3f80, 0x0000]);
    expect(encodeRegister({ type: 'float32', wordOrder: 'little', scale: 1 }, 1)).toEqual([0x0000, 0x3f80]);
    expect(encodeRegister({ type: 'int16', wordOrder: 'big', scale: 0.01 }, -1.5)).toEqual([0xff6a]);
    expect(encodeRegister({ type: 'uint16', wordOrder: 'big', scale: 0.1 }, 12.34)).toEqual([123]);
  });

  it('scales: value = raw x scale, and decoding undoes encoding', () => {
    for (const def of registerMap(['RP', 'EP'])) {
      const v = registerWidth(def.type) === 1 ? 42.3 : def.tag === 'seq' ? 123456 : 98765.4;
      const back = decodeRegister(def, encodeRegister(def, v));
      expect(back, `${def.equipment}/${def.tag}`).toBeCloseTo(v, def.type === 'float32' ? 1 : 2);
    }
  });

  it('wraps a uint32 counter like a real meter', () => {
    const def = { type: 'uint32', wordOrder: 'big', scale: 1 } as const;
    expect(decodeRegister(def, encodeRegister(def, 2 ** 32 + 5))).toBe(5);
  });
});

describe('register map', () => {
  it('has no overlapping registers and stays inside each plant block', () => {
    const map = registerMap(['RP', 'EP']);
    const used = new Set<number>();
    for (const d of map) {
      const base = d.plant === 'RP' ? 0 : 100;
      for (let i = 0; i < registerWidth(d.type); i++) {
        const a = d.address + i;
        expect(used.has(a), `register ${a} used twice`).toBe(false);
        used.add(a);
        expect(a).toBeGreaterThanOrEqual(base);
        expect(a).toBeLessThan(base + PLANT_BLOCK);
      }
    }
    expect(map.filter((d) => d.tag === 'seq')).toHaveLength(8);
  });
});

describe('EnergyMeters', () => {
  it('counts up with what the plant draws and answers illegal address outside the blocks', () => {
    const models = buildPlantModels(3, ['RP']);
    const meters = new EnergyMeters(3, ['RP'], models);
    const before = meters.readings();
    for (let i = 0; i < 600; i++) {
      for (const m of models) m.step(1);
      meters.integrate(1);
      if (i % 10 === 9) meters.sample();
    }
    const after = meters.readings();
    const kwh = (after['EM-RP/energy'] as number) - (before['EM-RP/energy'] as number);
    // ten minutes: at least the 1.8 MW base load, at most 30 MW
    expect(kwh).toBeGreaterThan(1800 / 6 - 1);
    expect(kwh).toBeLessThan(30000 / 6);
    expect(after['GM-RP/volume']).toBeGreaterThan(before['GM-RP/volume'] as number);
    expect(after['EM-RP/seq']).toBe(60);
    expect(meters.sequences()).toEqual({ 'RP/EM-RP': 60, 'RP/GM-RP': 60, 'RP/WM-RP': 60, 'RP/AM-RP': 60 });
    expect(() => meters.read(40, 1)).toThrow(/illegal data address/);
    expect(() => meters.read(38, 4)).toThrow(/illegal data address/);
    expect(meters.read(0, 40)).toHaveLength(40);
  });
});
