import { describe, expect, it } from 'vitest';
import {
  alloySeries,
  buildRecipeMatrix,
  buildSetupMatrix,
  changeoverMinutes,
  clipWindows,
  numericAttribute,
  operationMinutes,
  setupFamily,
  shiftDowntimes,
  shiftPatternOf,
} from './planning-rules.ts';

const geometry = { widthMm: 1250, thicknessMm: 0.5, density: 2.73 };

describe('planning rules', () => {
  it('computes durations from t/h, from strip length at m/min, and per furnace charge', () => {
    expect(operationMinutes('t_per_h', 9.7, 15, 10, geometry)).toBe(Math.ceil((10 / 9.7) * 60 + 15));
    // 10 t of 3003 at 1250 x 0.5 mm is 10 / (2.73 * 1.25 * 0.0005) = 5861 m of strip: 19.5 min at 300 m/min.
    expect(operationMinutes('m_per_min', 300, 25, 10, geometry)).toBe(45);
    // Without a width: a round section of diameter = thickness (rod, wire).
    const rod = operationMinutes('m_per_min', 600, 0, 1, { widthMm: null, thicknessMm: 8, density: 8.9 });
    expect(rod).toBe(Math.ceil(1 / (8.9 * ((Math.PI * 0.008 * 0.008) / 4)) / 600));
    expect(operationMinutes('h_per_batch', 10, 0, 37, geometry)).toBe(600);
    expect(operationMinutes('t_per_h', 1000, 0, 0.001, geometry)).toBe(1);
    expect(() => operationMinutes('t_per_h', 0, 0, 1, geometry)).toThrow(/rate must be > 0/);
  });

  it('derives setup families and follows the coffin rule on mills', () => {
    expect(alloySeries('3003', 'aluminium')).toBe('3xxx');
    expect(alloySeries('C26000', 'copper')).toBe('C2');
    const facts = { series: '3xxx', alloyCode: '3003', widthMm: 1250, thicknessMm: 0.5, specCode: 'S1' };
    expect(setupFamily('cold_rolling', facts)).toBe('R|3xxx|1250|g-thin');
    expect(setupFamily('casting', facts)).toBe('A|3xxx|3003');
    expect(setupFamily(null, facts)).toBeUndefined();
    expect(changeoverMinutes('cold_rolling', 'R|3xxx|1250|g-thin', 'R|3xxx|1650|g-thin')).toBe(25); // width up
    expect(changeoverMinutes('cold_rolling', 'R|3xxx|1650|g-thin', 'R|3xxx|1250|g-thin')).toBe(5); // width down
    expect(changeoverMinutes('cold_rolling', 'R|3xxx|1250|g-thin', 'R|5xxx|1250|g-mid')).toBe(20);
    expect(changeoverMinutes('casting', 'A|5xxx|5083', 'A|3xxx|3003')).toBe(180);
    expect(changeoverMinutes('casting', 'A|3xxx|3104', 'A|3xxx|3003')).toBe(45);
    const m = buildSetupMatrix('finishing', ['W|1250', 'W|1650', 'W|1250']);
    expect(m?.times).toEqual({ 'W|1250': { 'W|1650': 30 }, 'W|1650': { 'W|1250': 30 } });
    expect(buildSetupMatrix('finishing', ['W|1250'])).toBeUndefined();
  });

  it('gives foil furnaces their empty-furnace cooling between any two charges', () => {
    expect(buildRecipeMatrix(['FOIL-FINAL'], 330)?.times).toEqual({ 'FOIL-FINAL': { 'FOIL-FINAL': 330 } });
    expect(buildRecipeMatrix(['O-360', 'O-415'], null)?.times).toEqual({
      'O-360': { 'O-415': 60 },
      'O-415': { 'O-360': 60 },
    });
    expect(numericAttribute({ emptyFurnaceCoolingH: '5-6' }, 'emptyFurnaceCoolingH')).toBe(5.5);
    expect(numericAttribute({ batchCapacityT: 40 }, 'batchCapacityT')).toBe(40);
    expect(numericAttribute({ x: 'n/a' }, 'x')).toBeNull();
  });

  it('builds two-shift calendars in the plant timezone (06:00-22:00 Mon-Sat)', () => {
    expect(shiftPatternOf('slitter', {})).toBe('two_shift_mon_sat');
    expect(shiftPatternOf('cold_mill', {})).toBe('continuous');
    expect(shiftPatternOf('cold_mill', { shiftPattern: 'three_shift_mon_sat' })).toBe('three_shift_mon_sat');
    // Monday 2026-11-30 00:00 in Shanghai (UTC+8) = Sunday 16:00 UTC.
    const origin = Date.UTC(2026, 10, 29, 16, 0);
    const w = shiftDowntimes('two_shift_mon_sat', origin, 7 * 1440, 'Asia/Shanghai');
    // Monday 00:00-06:00 (the tail of Sunday), then every night 22:00-06:00, Saturday 22:00 to Monday 06:00.
    expect(w[0]).toEqual({ start: 0, end: 360 });
    expect(w[1]).toEqual({ start: 22 * 60, end: 30 * 60 });
    expect(w.at(-1)).toEqual({ start: 5 * 1440 + 22 * 60, end: 7 * 1440 });
    expect(shiftDowntimes('continuous', origin, 7 * 1440, 'Asia/Shanghai')).toEqual([]);
    expect(
      clipWindows(
        [
          { start: -10, end: 5 },
          { start: 4, end: 9 },
          { start: 20, end: 30 },
        ],
        25,
      ),
    ).toEqual([
      { start: 0, end: 9 },
      { start: 20, end: 25 },
    ]);
  });
});
