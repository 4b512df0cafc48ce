import { describe, expect, it } from 'vitest';
import { encodeRows, transferables } from './chdb-worker-columns.ts';

describe('rows encoded by column for the chDB thread', () => {
  it('puts numbers in a Float64Array and repeated strings in a dictionary, nulls in a mask', () => {
    const e = encodeRows([
      { tenant: 't1', v: 1.5, text: null },
      { tenant: 't1', v: null, text: 'a' },
      { tenant: 't2', v: -3, text: 'a' },
    ]);
    expect(e?.count).toBe(3);
    const [tenant, v, text] = e?.columns ?? [];
    expect(tenant).toEqual({
      name: 'tenant',
      kind: 'string',
      dict: ['t1', 't2'],
      codes: new Uint32Array([0, 0, 1]),
      nulls: null,
    });
    expect(v).toEqual({
      name: 'v',
      kind: 'number',
      values: new Float64Array([1.5, 0, -3]),
      nulls: new Uint8Array([0, 1, 0]),
    });
    expect(text).toEqual({
      name: 'text',
      kind: 'string',
      dict: ['a'],
      codes: new Uint32Array([0, 0, 0]),
      nulls: new Uint8Array([1, 0, 0]),
    });
    expect(transferables(e ?? { count: 0, columns: [] })).toHaveLength(5);
  });

  it('sends mixed, boolean and high-cardinality columns as plain arrays', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      mixed: i === 5 ? 'x' : i,
      flag: i % 2 === 0,
      ts: `${i}.000`,
    }));
    const e = encodeRows(rows);
    expect(e?.columns.map((c) => c.kind)).toEqual(['plain', 'plain', 'plain']);
    expect(e?.columns[0]).toMatchObject({ values: rows.map((r) => r.mixed) });
  });

  it('gives up (rows go as they are) when a row lacks a key of the first row', () => {
    expect(encodeRows([{ a: 1, b: 'x' }, { a: 2 }])).toBeNull();
    expect(encodeRows([{ a: 1 }, { a: 2, b: 'x' }])).toBeNull();
    expect(
      encodeRows([
        { a: 1, b: 'x' },
        { a: 2, c: 'x' },
      ]),
    ).toBeNull();
    expect(encodeRows([{ a: true }, {}])).toBeNull();
    expect(encodeRows([])).toEqual({ count: 0, columns: [] });
  });
});
