import type { TModbusTag, TModbusType } from '@ingot/contracts';

export type TOrder = 'big' | 'little';

export const REGISTERS: Record<TModbusType, 1 | 2> = { int16: 1, uint16: 1, int32: 2, uint32: 2, float32: 2 };
/** Registers one Modbus read may return (protocol limit for function codes 3 and 4). */
export const MAX_REGISTERS_PER_READ = 125;

/**
 * Puts registers as they came off the wire into big-endian order: swaps the two bytes of each register when
 * byteOrder is little, and the two registers of a 32-bit value when wordOrder is little. The permutation
 * is its own inverse, so encoding uses it too.
 */
function permute(bytes: Buffer, byteOrder: TOrder, wordOrder: TOrder): Buffer {
  const out = Buffer.from(bytes);
  if (byteOrder === 'little')
    for (let i = 0; i + 1 < out.length; i += 2) out.writeUInt16BE(out.readUInt16LE(i), i);
  if (wordOrder === 'little' && out.length === 4) {
    const hi = out.subarray(0, 2);
    const lo = out.subarray(2, 4);
    return Buffer.concat([lo, hi]);
  }
  return out;
}

/** Decodes one tag's registers (wire bytes, 2 per register) to its engineering value: raw * scale + offset. */
export function decodeRegisters(
  wire: Buffer,
  type: TModbusType,
  byteOrder: TOrder,
  wordOrder: TOrder,
  scale = 1,
  offset = 0,
): number {
  if (wire.length !== REGISTERS[type] * 2)
    throw new Error(`${type} needs ${REGISTERS[type] * 2} bytes, got ${wire.length}`);
  const be = permute(wire, byteOrder, wordOrder);
  let raw: number;
  switch (type) {
    case 'int16':
      raw = be.readInt16BE(0);
      break;
    case 'uint16':
      raw = be.readUInt16BE(0);
      break;
    case 'int32':
      raw = be.readInt32BE(0);
      break;
    case 'uint32':
      raw = be.readUInt32BE(0);
      break;
    case 'float32':
      raw = be.readFloatBE(0);
      break;
  }
  return raw * scale + offset;
}

/** The inverse of decodeRegisters, for writes: the register words to send. Throws when out of range. */
export function encodeRegisters(
  value: number,
  type: TModbusType,
  byteOrder: TOrder,
  wordOrder: TOrder,
  scale = 1,
  offset = 0,
): number[] {
  if (!Number.isFinite(value)) throw new Error('value must be a finite number');
  if (scale === 0) throw new Error('a tag with scale 0 cannot be written');
  const rawF = (value - offset) / scale;
  const be = Buffer.alloc(REGISTERS[type] * 2);
  const int = (min: number, max: number) => {
    const r = Math.round(rawF);
    if (r < min || r > max)
      throw new Error(`value ${value} gives raw ${r}, outside ${type} range ${min}..${max}`);
    return r;
  };
  switch (type) {
    case 'int16':
      be.writeInt16BE(int(-32768, 32767), 0);
      break;
    case 'uint16':
      be.writeUInt16BE(int(0, 65535), 0);
      break;
    case 'int32':
      be.writeInt32BE(int(-2147483648, 2147483647), 0);
      break;
    case 'uint32':
      be.writeUInt32BE(int(0, 4294967295), 0);
      break;
    case 'float32':
      be.writeFloatBE(rawF, 0);
      break;
  }
  const wire = permute(be, byteOrder, wordOrder);
  const words: number[] = [];
  for (let i = 0; i < wire.length; i += 2) words.push(wire.readUInt16BE(i));
  return words;
}

export interface ReadRange {
  table: 'holding' | 'input';
  start: number;
  count: number;
  tags: TModbusTag[];
}

/**
 * Groups tags into as few reads as possible: same table, ascending addresses, at most 125 registers, and a
 * gap of at most `maxGap` unused registers inside one read.
 */
export function planReads(tags: readonly TModbusTag[], maxGap = 16): ReadRange[] {
  const ranges: ReadRange[] = [];
  for (const table of ['holding', 'input'] as const) {
    const sorted = tags.filter((t) => t.table === table).sort((a, b) => a.address - b.address);
    let cur: ReadRange | null = null;
    for (const t of sorted) {
      const end = t.address + REGISTERS[t.type];
      if (end > 65536)
        throw new Error(`${t.equipment}/${t.tag}: ${t.type} at ${t.address} runs past register 65535`);
      if (cur && t.address - (cur.start + cur.count) <= maxGap && end - cur.start <= MAX_REGISTERS_PER_READ) {
        cur.count = Math.max(cur.count, end - cur.start);
        cur.tags.push(t);
      } else {
        cur = { table, start: t.address, count: end - t.address, tags: [t] };
        ranges.push(cur);
      }
    }
  }
  return ranges;
}
