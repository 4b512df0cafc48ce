import { describe, expect, it } from 'vitest';
import { evaluateResult } from './evaluate-result.ts';
import { lookupMechanicalProperties } from './limit-tables.ts';
import { parseResultsCsv } from './parse-results-csv.ts';
import { resolveLimits, type TLimitContext, type TPlanCharacteristic } from './resolve-limits.ts';

const ch = (id: string, code: string, limitSource: string, extra: Partial<TPlanCharacteristic> = {}) => ({
  id,
  code,
  element: '',
  unit: 'mm',
  nominal: null,
  lowerLimit: null,
  upperLimit: null,
  limitSource,
  method: '',
  samplesPerLot: 1,
  ...extra,
});

const strip3003: TLimitContext = {
  spec: {
    code: 'S3003H14-1.0x1250',
    thicknessMm: 1.0,
    thicknessTolMinus: 0.03,
    thicknessTolPlus: 0.04,
    widthMm: 1250,
    widthTolMinus: 0,
    widthTolPlus: 2,
  },
  productFamily: 'strip_coil',
  alloy: { code: '3003', composition: { Si: { max: 0.6 }, Mn: { min: 1.0, max: 1.5 } } },
  temperCode: 'H14',
  thicknessMm: 1.0,
  widthMm: 1250,
};

describe('resolveLimits', () => {
  it('takes thickness and width from the order spec, chemistry from the alloy, strength from EN 485-2', () => {
    const limits = resolveLimits(
      [
        ch('t', 'thickness', 'spec'),
        ch('w', 'width', 'spec'),
        ch('mn', 'chemistry', 'alloy', { element: 'Mn' }),
        ch('si', 'chemistry', 'alloy', { element: 'Si' }),
        ch('rm', 'tensile_strength', 'table:mechanical-properties'),
        ch('rp', 'yield_strength', 'table:mechanical-properties'),
        ch('a', 'elongation', 'table:mechanical-properties'),
      ],
      strip3003,
    );
    const by = Object.fromEntries(limits.map((l) => [l.characteristicId, l]));
    expect(by.t).toMatchObject({ nominal: 1, lower: 0.97, upper: 1.04, source: 'spec:S3003H14-1.0x1250' });
    expect(by.w).toMatchObject({ lower: 1250, upper: 1252 });
    expect(by.mn).toMatchObject({ lower: 1.0, upper: 1.5, source: 'alloy:3003' });
    expect(by.si).toMatchObject({ lower: null, upper: 0.6 });
    // EN 485-2 3003-H14, 0.5 < t <= 1.5 mm: Rm 145-185, Rp0.2 >= 125, A50 >= 2 (preferred over ASTM B209M 140-180).
    expect(by.rm).toMatchObject({ lower: 145, upper: 185, unresolved: null });
    expect(by.rp?.lower).toBe(125);
    expect(by.a?.lower).toBe(2);
    expect(by.rm?.source).toContain('EN 485-2');
  });

  it('looks thickness tolerances up in EN 485-4 and says why when a table has no row', () => {
    const [en] = resolveLimits([ch('t', 'thickness', 'table:EN485-4-cold-rolled')], strip3003);
    // EN 485-4, 0.8 < t <= 1.5 mm, 1000 < w <= 1250, group I: ±0.06 mm.
    expect(en).toMatchObject({ lower: 0.94, upper: 1.06, unresolved: null });
    const [gb] = resolveLimits([ch('t', 'thickness', 'table:GBT3880.3-2006-ordinary')], strip3003);
    expect(gb?.unresolved).toMatch(/no row/);
    expect(gb?.lower).toBeNull();
  });

  it('keeps manual limits and flags a spec limit without an order', () => {
    const limits = resolveLimits(
      [ch('f', 'flatness', 'manual', { upperLimit: 10 }), ch('t', 'thickness', 'spec')],
      { ...strip3003, spec: null },
    );
    expect(limits[0]).toMatchObject({ lower: null, upper: 10, source: 'manual', unresolved: null });
    expect(limits[1]?.unresolved).toMatch(/no product spec/);
  });

  it('finds no mechanical row for an alloy/temper the tables do not list', () => {
    expect(
      lookupMechanicalProperties({
        alloyCode: '3104',
        temperCode: 'H18',
        productFamily: 'strip_coil',
        thicknessMm: 0.27,
      }),
    ).toBeNull();
  });
});

describe('evaluateResult', () => {
  const limit = { lower: 0.97, upper: 1.03, unresolved: null };
  it('passes inside and at the limits, fails outside', () => {
    expect(evaluateResult(limit, 1.0)).toBe('pass');
    expect(evaluateResult(limit, 1.03)).toBe('pass');
    expect(evaluateResult(limit, 0.97)).toBe('pass');
    expect(evaluateResult(limit, 1.031)).toBe('fail');
    expect(evaluateResult(limit, 0.969)).toBe('fail');
    expect(evaluateResult({ lower: 140, upper: null, unresolved: null }, 1e6)).toBe('pass');
  });
  it('never passes against an unresolved limit', () => {
    expect(evaluateResult({ lower: null, upper: null, unresolved: 'no table row' }, 1)).toBe('fail');
  });
});

describe('parseResultsCsv', () => {
  const request = {
    samples: new Map([
      ['QI-RP-2611-0001-S1', 's1'],
      ['QI-RP-2611-0001-S2', 's2'],
    ]),
    characteristics: new Map([
      ['thickness', 'c-t'],
      ['chemistry:Si', 'c-si'],
    ]),
  };
  it('reads a good file (any column order, BOM, CRLF, blank lines)', () => {
    const csv =
      '\uFEFFvalue,sampleNo,characteristic,element\r\n1.012,QI-RP-2611-0001-S1,thickness,\r\n\r\n0.21,QI-RP-2611-0001-S1,chemistry,Si\r\n';
    const out = parseResultsCsv(csv, request);
    expect(out).toEqual({
      ok: true,
      entries: [
        { sampleId: 's1', characteristicId: 'c-t', value: 1.012, line: 2 },
        { sampleId: 's1', characteristicId: 'c-si', value: 0.21, line: 4 },
      ],
    });
  });
  it('names line and column of every bad line', () => {
    const csv = [
      'sampleNo,characteristic,element,value',
      'QI-RP-2611-0001-S1,thickness,,1.01',
      'QI-XX-1,thickness,,1.0',
      'QI-RP-2611-0001-S1,chemistry,Zr,0.1',
      'QI-RP-2611-0001-S2,thickness,,1,02',
      'QI-RP-2611-0001-S2,thickness,,abc',
      'QI-RP-2611-0001-S1,thickness,,1.02',
    ].join('\n');
    const out = parseResultsCsv(csv, request);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toEqual([
      { line: 3, column: 'sampleNo', message: 'sample QI-XX-1 does not belong to this request' },
      { line: 4, column: 'element', message: 'chemistry:Zr is not a characteristic of this request' },
      { line: 5, column: null, message: 'expected 4 columns, found 5' },
      { line: 6, column: 'value', message: '"abc" is not a number (use a decimal point)' },
      { line: 7, column: 'characteristic', message: 'QI-RP-2611-0001-S1 thickness is already on line 2' },
    ]);
  });
  it('refuses a file without the header', () => {
    const out = parseResultsCsv('QI-RP-2611-0001-S1,thickness,,1.0', request);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0]).toMatchObject({ line: 1, column: null });
  });
});
