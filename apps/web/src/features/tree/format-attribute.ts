/** Unit suffixes used in equipment attribute keys (`maxStripWidthMm`), longest first. */
const UNITS: Array<[string, string]> = [
  ['MPerMin', 'm/min'],
  ['Mpa', 'MPa'],
  ['MN', 'MN'],
  ['Mm', 'mm'],
  ['Pct', '%'],
  ['Days', 'd'],
  ['H', 'h'],
  ['T', 't'],
  ['C', '°C'],
];

/**
 * A readable label for a camelCase attribute key: `maxStripWidthMm` -> `max strip width (mm)`,
 * `metalTempC` -> `metal temp (°C)`. Keys without a known unit suffix are only split into words.
 */
export function formatAttributeKey(key: string): string {
  let base = key;
  let unit: string | null = null;
  for (const [suffix, label] of UNITS) {
    if (
      key.length > suffix.length &&
      key.endsWith(suffix) &&
      /[a-z0-9]/.test(key[key.length - suffix.length - 1] ?? '')
    ) {
      base = key.slice(0, -suffix.length);
      unit = label;
      break;
    }
  }
  const words = base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return unit ? `${words} (${unit})` : words;
}
