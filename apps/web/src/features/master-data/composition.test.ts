import { describe, expect, it } from 'vitest';
import { compositionRows, compositionSummary, rowsToComposition } from './composition.ts';

const aa3003 = {
  Al: { remainder: true as const },
  Si: { max: 0.6 },
  Mn: { min: 1.0, max: 1.5 },
  O: { typical: [0.01, 0.04] as [number, number], source: 'note' },
};

describe('composition editing', () => {
  it('round-trips rows, keeping typical/source and putting the remainder last', () => {
    const rows = compositionRows(aa3003);
    expect(rows.map((r) => r.element)).toEqual(['Si', 'Mn', 'O', 'Al']);
    expect(rowsToComposition(rows, aa3003)).toEqual({
      Si: { max: 0.6 },
      Mn: { min: 1, max: 1.5 },
      O: { typical: [0.01, 0.04], source: 'note' },
      Al: { remainder: true },
    });
  });

  it('drops empty rows and lets the server judge what is not a number', () => {
    const c = rowsToComposition([
      { key: 1, element: '', min: '1', max: '', remainder: false },
      { key: 2, element: 'Fe', min: '', max: 'x', remainder: false },
    ]);
    expect(Object.keys(c)).toEqual(['Fe']);
    expect(c.Fe?.max).toBeNaN();
  });

  it('summarises for a list', () => {
    expect(compositionSummary(aa3003, 'rem.')).toBe('Al rem. · Si ≤0.6 · Mn 1–1.5 · O ~0.01–0.04');
  });
});
