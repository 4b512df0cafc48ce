import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MECHANICAL_PROPERTY_ROWS } from './mechanical-property-table.ts';

const SHARED = path.resolve(import.meta.dirname, '../../../../../shared/domain');

interface TSourceRecord {
  alloy: string;
  temper: string;
  standard: string;
  source: string;
  thickness_mm: { over: number | null; up_to: number | null };
  elongation_pct_min?: number;
  Rm_MPa?: { min?: number; max?: number };
  Rp02_MPa_min?: number;
  A50mm_pct_min?: number;
  A_pct_min?: number;
}

/** A band without an upper end in the source. */
const OPEN_END = Number.POSITIVE_INFINITY;

/** `O/H111` -> O, H111; `H32 (=H22 limits)` -> H32. */
const tempersOf = (temper: string): string[] =>
  temper.split('/').map((t) => t.trim().split(/[\s(]/)[0] ?? '');

describe('mechanical property limits transcribed from shared/domain', () => {
  const records = (
    JSON.parse(readFileSync(path.join(SHARED, 'mechanical-properties.json'), 'utf8')) as {
      records: TSourceRecord[];
    }
  ).records;

  it('takes every row, value for value, from a record of mechanical-properties.json with the same source', () => {
    expect(MECHANICAL_PROPERTY_ROWS.length).toBeGreaterThan(50);
    for (const row of MECHANICAL_PROPERTY_ROWS) {
      const label = `${row.alloy} ${row.tempers.join('/')} ${row.standard} ${row.over}-${row.upTo} (${row.source})`;
      const match = records.find(
        (r) =>
          r.alloy === row.alloy &&
          r.source === row.source &&
          r.standard === row.standard &&
          (r.thickness_mm.over ?? 0) === row.over &&
          (r.thickness_mm.up_to ?? OPEN_END) === row.upTo &&
          row.tempers.every((t) => tempersOf(r.temper).includes(t)),
      );
      expect(match, label).toBeDefined();
      if (!match) continue;
      expect(row.rmMin, label).toBe(match.Rm_MPa?.min ?? null);
      expect(row.rmMax, label).toBe(match.Rm_MPa?.max ?? null);
      expect(row.rp02Min, label).toBe(match.Rp02_MPa_min ?? null);
      const elongation =
        row.elongationGauge === 'A50mm'
          ? match.A50mm_pct_min
          : row.elongationGauge === 'A'
            ? match.A_pct_min
            : match.elongation_pct_min;
      expect(row.elongationMin, label).toBe(elongation ?? null);
    }
  });
});
