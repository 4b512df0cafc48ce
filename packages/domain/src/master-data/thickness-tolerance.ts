import type { TToleranceLookupInput } from '@ingot/contracts';
import {
  EN485_GROUP_I,
  EN485_GROUP_II,
  FOIL_GAUGE_PRACTICE,
  THICKNESS_TOLERANCE_TABLES,
  type TWidthBand,
} from './thickness-tolerance-tables.ts';

export type TToleranceLookup =
  | { found: true; plusMinusMm: number; tableId: string; standard: string; source: string; note: string }
  | { found: false; reason: string };

function widthBand(widthMm: number): TWidthBand | null {
  if (widthMm <= 1000) return 'w<=1000';
  if (widthMm <= 1250) return '1000<w<=1250';
  if (widthMm <= 1600) return '1250<w<=1600';
  if (widthMm <= 2000) return '1600<w<=2000';
  if (widthMm <= 2500) return '2000<w<=2500';
  return null;
}

/** EN 485-4 alloy group of an AA designation, or null when no source read lists it (never guessed). */
export function en485Group(alloyCode: string): 'groupI' | 'groupII' | null {
  if (EN485_GROUP_I.includes(alloyCode)) return 'groupI';
  if (EN485_GROUP_II.includes(alloyCode)) return 'groupII';
  return null;
}

/**
 * The symmetric thickness tolerance (± mm) of cold-rolled aluminium sheet/strip from the transcribed tables:
 * EN 485-4 (by alloy group and width band) or GB/T 3880.3-2006 ordinary / high-precision (rows above 3.5 mm
 * only). Answers `found: false` with the reason when the table has no row, rather than guessing.
 */
export function lookupThicknessTolerance(input: TToleranceLookupInput): TToleranceLookup {
  const tableId =
    input.grade === 'en485'
      ? 'EN485-4-cold-rolled'
      : input.grade === 'gb-ordinary'
        ? 'GBT3880.3-2006-ordinary'
        : 'GBT3880.3-2006-high-precision';
  const table = THICKNESS_TOLERANCE_TABLES.find((t) => t.id === tableId);
  if (!table) return { found: false, reason: `no table ${tableId}` };
  const band = widthBand(input.widthMm);
  if (!band) return { found: false, reason: `width ${input.widthMm} mm is outside the table's width bands` };
  const row = table.rows.find((r) => input.thicknessMm > r.over && input.thicknessMm <= r.upTo);
  if (!row)
    return {
      found: false,
      reason: `${table.standard}: no row for ${input.thicknessMm} mm in the transcribed table`,
    };
  const cell = row.pm[band];
  let value: number | null = null;
  let note = `${row.over} < t <= ${row.upTo} mm, ${band}`;
  if (typeof cell === 'number') value = cell;
  else if (cell && typeof cell === 'object') {
    const group = en485Group(input.alloyCode);
    if (!group)
      return {
        found: false,
        reason: `${input.alloyCode} is not listed in EN 485-4 group I or II by the sources read; its group is not known`,
      };
    value = cell[group];
    note += `, ${group === 'groupI' ? 'group I' : 'group II'}`;
  }
  if (value === null) return { found: false, reason: `${table.standard}: no value printed for ${note}` };
  return { found: true, plusMinusMm: value, tableId, standard: table.standard, source: table.source, note };
}

/** Foil gauge tolerance as practised by producers (± % of nominal; supplier documents, low reliability). */
export function foilGaugeTolerance(thicknessMm: number): { plusMinusMm: number; source: string } | null {
  const row = [...FOIL_GAUGE_PRACTICE].reverse().find((r) => thicknessMm >= r.from && thicknessMm <= r.upTo);
  if (!row) return null;
  return { plusMinusMm: Math.round(((thicknessMm * row.pct) / 100) * 1e6) / 1e6, source: row.source };
}
