import type { TLotDimensions } from '@ingot/contracts';

/** A lot's dimensions the way the mill writes them: 1.20 × 1250 mm, ID 508 / OD 1600, 2 400 m. */
export function formatDimensions(d: TLotDimensions): string {
  const parts: string[] = [];
  if (d.thicknessMm !== undefined && d.widthMm !== undefined)
    parts.push(`${d.thicknessMm} × ${d.widthMm} mm`);
  else if (d.thicknessMm !== undefined) parts.push(`t ${d.thicknessMm} mm`);
  else if (d.widthMm !== undefined) parts.push(`w ${d.widthMm} mm`);
  if (d.diameterMm !== undefined) parts.push(`Ø ${d.diameterMm} mm`);
  if (d.innerDiameterMm !== undefined || d.outerDiameterMm !== undefined)
    parts.push(`ID ${d.innerDiameterMm ?? '—'} / OD ${d.outerDiameterMm ?? '—'} mm`);
  if (d.lengthM !== undefined) parts.push(`${d.lengthM} m`);
  return parts.join(', ') || '—';
}

/** Alloy and temper as one designation (3003-H14), or the part that is known. */
export function alloyTemper(alloy: string | null, temper: string | null): string {
  if (alloy && temper) return `${alloy}-${temper}`;
  return alloy ?? temper ?? '—';
}
