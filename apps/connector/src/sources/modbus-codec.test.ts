import { ZModbusTag } from '@ingot/contracts';
import { describe, expect, it } from 'vitest';
import { decodeRegisters, encodeRegisters, planReads } from './modbus-codec.ts';

const wire = (...bytes: number[]) => Buffer.from(bytes);

describe('Modbus register codec', () => {
  it('decodes 16-bit types with byte order and scaling', () => {
    expect(decodeRegisters(wire(0xff, 0xfe), 'int16', 'big', 'big')).toBe(-2);
    expect(decodeRegisters(wire(0xff, 0xfe), 'uint16', 'big', 'big')).toBe(65534);
    expect(decodeRegisters(wire(0xfe, 0xff), 'int16', 'little', 'big')).toBe(-2);
    expect(decodeRegisters(wire(0x04, 0xd2), 'uint16', 'big', 'big', 0.1, -10)).toBeCloseTo(113.4);
  });

  it('decodes 32-bit types in all four byte/word orders (ABCD, CDAB, BADC, DCBA)', () => {
    // 123456.5 as float32 = 0x47F12040
    expect(decodeRegisters(wire(0x47, 0xf1, 0x20, 0x40), 'float32', 'big', 'big')).toBe(123456.5);
    expect(decodeRegisters(wire(0x20, 0x40, 0x47, 0xf1), 'float32', 'big', 'little')).toBe(123456.5);
    expect(decodeRegisters(wire(0xf1, 0x47, 0x40, 0x20), 'float32', 'little', 'big')).toBe(123456.5);
    expect(decodeRegisters(wire(0x40, 0x20, 0xf1, 0x47), 'float32', 'little', 'little')).toBe(123456.5);
    expect(decodeRegisters(wire(0xff, 0xff, 0xff, 0xfe), 'int32', 'big', 'big')).toBe(-2);
    expect(decodeRegisters(wire(0xff, 0xfe, 0xff, 0xff), 'int32', 'big', 'little')).toBe(-2);
    expect(decodeRegisters(wire(0x00, 0x01, 0x00, 0x00), 'uint32', 'big', 'big')).toBe(65536);
    expect(() => decodeRegisters(wire(0, 1), 'uint32', 'big', 'big')).toThrow(/4 bytes/);
  });

  it('encodes for writes as the exact inverse, refusing values out of range', () => {
    for (const [type, v] of [
      ['int16', -123],
      ['uint32', 4_000_000_000],
      ['float32', 3.5],
      ['int32', -70_000],
    ] as const) {
      for (const bo of ['big', 'little'] as const) {
        for (const wo of ['big', 'little'] as const) {
          const words = encodeRegisters(v * 0.5 + 1, type, bo, wo, 0.5, 1);
          const buf = Buffer.alloc(words.length * 2);
          for (const [i, w] of words.entries()) buf.writeUInt16BE(w, i * 2);
          expect(decodeRegisters(buf, type, bo, wo, 0.5, 1)).toBeCloseTo(v * 0.5 + 1);
        }
      }
    }
    expect(() => encodeRegisters(70_000, 'uint16', 'big', 'big')).toThrow(/outside uint16 range/);
  });

  it('plans few reads: same table, at most 125 registers, small gaps only', () => {
    const tag = (address: number, type: 'uint16' | 'float32', table: 'holding' | 'input' = 'holding') =>
      ZModbusTag.parse({ equipment: 'EM-1', tag: `t${table}${address}`, address, type, table });
    const plan = planReads([
      tag(0, 'float32'),
      tag(2, 'uint16'),
      tag(10, 'uint16'),
      tag(200, 'uint16'),
      tag(0, 'uint16', 'input'),
      tag(123, 'float32'),
    ]);
    expect(plan.map((r) => [r.table, r.start, r.count, r.tags.length])).toEqual([
      ['holding', 0, 11, 3],
      ['holding', 123, 2, 1],
      ['holding', 200, 1, 1],
      ['input', 0, 1, 1],
    ]);
  });
});
