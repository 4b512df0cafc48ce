/**
 * Rows for the chDB thread, encoded by column so that crossing the thread boundary costs the event loop little:
 * numbers go into a Float64Array and strings into a dictionary plus a Uint32Array of codes, and those buffers are
 * transferred, not copied. A batch of telemetry repeats the same tenant, plant, connector, equipment and tag
 * strings on every row; structured-cloning 2 000 such rows cost 1-2 us per row on the sending thread, this
 * encoding a fraction of that. A column that is neither (booleans, objects, many distinct strings) is sent as a
 * plain array. Rows of different key sets (the store never builds such) make the whole batch go as plain rows.
 */

export type TEncodedColumn =
  | { name: string; kind: 'number'; values: Float64Array; nulls: Uint8Array | null }
  | { name: string; kind: 'string'; dict: string[]; codes: Uint32Array; nulls: Uint8Array | null }
  | { name: string; kind: 'plain'; values: unknown[] };

export interface TEncodedRows {
  count: number;
  columns: TEncodedColumn[];
}

/** Beyond this many distinct strings, and more than one per two rows, a dictionary no longer pays. */
const DICT_LIMIT = 256;

function encodeColumn(rows: readonly Record<string, unknown>[], name: string): TEncodedColumn | null {
  const n = rows.length;
  let nulls: Uint8Array | null = null;
  let values: Float64Array | null = null;
  let codes: Uint32Array | null = null;
  const dict: string[] = [];
  const index = new Map<string, number>();
  const plain = (): TEncodedColumn | null => {
    const all = rows.map((r) => r[name]);
    return all.includes(undefined) ? null : { name, kind: 'plain', values: all };
  };
  for (let i = 0; i < n; i++) {
    const v = (rows[i] as Record<string, unknown>)[name];
    if (v === undefined) return null;
    if (v === null) {
      nulls ??= new Uint8Array(n);
      nulls[i] = 1;
    } else if (typeof v === 'number') {
      if (codes) return plain();
      values ??= new Float64Array(n);
      values[i] = v;
    } else if (typeof v === 'string') {
      if (values) return plain();
      codes ??= new Uint32Array(n);
      let code = index.get(v);
      if (code === undefined) {
        code = dict.length;
        dict.push(v);
        index.set(v, code);
        if (dict.length > DICT_LIMIT && dict.length * 2 > i + 1) return plain();
      }
      codes[i] = code;
    } else {
      return plain();
    }
  }
  if (codes) return { name, kind: 'string', dict, codes, nulls };
  // Numbers, or nothing but nulls.
  return { name, kind: 'number', values: values ?? new Float64Array(n), nulls };
}

/** Encodes rows by column, or returns null when they do not share one set of keys (send them as they are). */
export function encodeRows(rows: readonly Record<string, unknown>[]): TEncodedRows | null {
  const first = rows[0];
  if (!first) return { count: 0, columns: [] };
  const names = Object.keys(first);
  // Same number of keys on every row and every key of the first row present (checked per column): one key set.
  for (const row of rows) {
    let keys = 0;
    for (const _ in row) keys += 1;
    if (keys !== names.length) return null;
  }
  const columns: TEncodedColumn[] = [];
  for (const name of names) {
    const column = encodeColumn(rows, name);
    if (!column) return null;
    columns.push(column);
  }
  return { count: rows.length, columns };
}

/** The buffers to transfer with the message (moved, not copied). */
export function transferables(encoded: TEncodedRows): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  for (const c of encoded.columns) {
    if (c.kind === 'number') list.push(c.values.buffer as ArrayBuffer);
    if (c.kind === 'string') list.push(c.codes.buffer as ArrayBuffer);
    if (c.kind !== 'plain' && c.nulls) list.push(c.nulls.buffer as ArrayBuffer);
  }
  return list;
}
