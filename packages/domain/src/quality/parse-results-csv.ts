import type { TResultEntry } from '@ingot/contracts';

/**
 * The instrument CSV format (documented in README.md): UTF-8, comma separated, a header line
 * `sampleNo,characteristic,element,value` (any order, case-insensitive), then one measured value per line.
 * `element` is the chemical element for chemistry and the defect type for surface_defect, empty otherwise; `value`
 * a decimal number with a point. Blank lines are skipped.
 */
export const RESULTS_CSV_COLUMNS = ['sampleNo', 'characteristic', 'element', 'value'] as const;

export interface TCsvLineError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** The column's header name, or null for the whole line. */
  column: (typeof RESULTS_CSV_COLUMNS)[number] | null;
  message: string;
}

export type TParsedResultsCsv =
  | { ok: true; entries: Array<Omit<TResultEntry, 'supersedesId'> & { line: number }> }
  | { ok: false; errors: TCsvLineError[] };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function cells(line: string): string[] {
  return line.split(',').map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/**
 * Parses an instrument CSV against one request: sample numbers must be the request's, characteristic + element one
 * of its characteristics, values numbers, and no (sample, characteristic) twice. Every bad line is reported with
 * its line and column; the caller stores nothing unless `ok`.
 */
export function parseResultsCsv(
  text: string,
  request: {
    samples: ReadonlyMap<string, string>;
    characteristics: ReadonlyMap<string, string>;
  },
): TParsedResultsCsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: TCsvLineError[] = [];
  const header = cells(lines[0] ?? '').map((h) => h.toLowerCase());
  const index = Object.fromEntries(
    RESULTS_CSV_COLUMNS.map((c) => [c, header.indexOf(c.toLowerCase())]),
  ) as Record<(typeof RESULTS_CSV_COLUMNS)[number], number>;
  const missing = RESULTS_CSV_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          column: null,
          message: `the header must name the columns ${RESULTS_CSV_COLUMNS.join(',')}; missing: ${missing.join(', ')}`,
        },
      ],
    };
  }
  const entries: Array<Omit<TResultEntry, 'supersedesId'> & { line: number }> = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const row = cells(raw);
    if (row.length !== header.length) {
      errors.push({ line, column: null, message: `expected ${header.length} columns, found ${row.length}` });
      return;
    }
    const get = (c: (typeof RESULTS_CSV_COLUMNS)[number]) => row[index[c]] ?? '';
    const sampleNo = get('sampleNo');
    const code = get('characteristic').toLowerCase();
    const element = get('element');
    const valueText = get('value');
    let bad = false;
    const sampleId = request.samples.get(sampleNo);
    if (!sampleId) {
      errors.push({
        line,
        column: 'sampleNo',
        message: sampleNo ? `sample ${sampleNo} does not belong to this request` : 'sampleNo is empty',
      });
      bad = true;
    }
    const key = element ? `${code}:${element}` : code;
    const characteristicId = request.characteristics.get(key);
    if (!characteristicId) {
      errors.push({
        line,
        column: [...request.characteristics.keys()].some((k) => k.split(':')[0] === code)
          ? 'element'
          : 'characteristic',
        message: `${key || '(empty)'} is not a characteristic of this request`,
      });
      bad = true;
    }
    if (!NUMBER.test(valueText)) {
      errors.push({ line, column: 'value', message: `"${valueText}" is not a number (use a decimal point)` });
      bad = true;
    }
    if (bad || !sampleId || !characteristicId) return;
    const dupKey = `${sampleId}|${characteristicId}`;
    const first = seen.get(dupKey);
    if (first !== undefined) {
      errors.push({
        line,
        column: 'characteristic',
        message: `${sampleNo} ${key} is already on line ${first}`,
      });
      return;
    }
    seen.set(dupKey, line);
    entries.push({ sampleId, characteristicId, value: Number(valueText), line });
  });
  if (errors.length === 0 && entries.length === 0) {
    errors.push({ line: 1, column: null, message: 'the file has no result lines' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}
