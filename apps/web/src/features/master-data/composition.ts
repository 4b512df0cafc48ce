import type { TComposition, TCompositionLimit } from '@ingot/contracts';

export interface TElementRow {
  key: number;
  element: string;
  min: string;
  max: string;
  remainder: boolean;
}

/** Composition JSON -> editable rows (the remainder element last, others in the order given). */
export function compositionRows(c: TComposition): TElementRow[] {
  return Object.entries(c)
    .sort(([, a], [, b]) => Number(Boolean(a.remainder)) - Number(Boolean(b.remainder)))
    .map(([element, l], i) => ({
      key: i + 1,
      element,
      min: l.min === undefined ? '' : String(l.min),
      max: l.max === undefined ? '' : String(l.max),
      remainder: Boolean(l.remainder),
    }));
}

/**
 * Rows -> composition JSON. Rows without an element are dropped; a limit keeps only what was typed (text that is
 * not a number goes as NaN, which the server refuses next to the field); other keys of the original limit
 * (typical range, source) are kept.
 */
export function rowsToComposition(rows: readonly TElementRow[], original: TComposition = {}): TComposition {
  const out: TComposition = {};
  for (const r of rows) {
    const element = r.element.trim();
    if (!element) continue;
    const { min: _min, max: _max, remainder: _rem, ...rest } = original[element] ?? {};
    const limit: TCompositionLimit = { ...rest };
    if (r.min.trim() !== '') limit.min = Number(r.min);
    if (r.max.trim() !== '') limit.max = Number(r.max);
    if (r.remainder) limit.remainder = true;
    out[element] = limit;
  }
  return out;
}

/** A short reading of the composition for a list: "Si ≤0.6 · Mn 1.0–1.5 · Al rem." */
export function compositionSummary(c: TComposition, remainderWord: string): string {
  return Object.entries(c)
    .map(([el, l]) => {
      if (l.remainder) return `${el} ${remainderWord}`;
      if (l.min !== undefined && l.max !== undefined) return `${el} ${l.min}–${l.max}`;
      if (l.max !== undefined) return `${el} ≤${l.max}`;
      if (l.min !== undefined) return `${el} ≥${l.min}`;
      if (l.typical) return `${el} ~${l.typical[0]}–${l.typical[1]}`;
      return el;
    })
    .join(' · ');
}
