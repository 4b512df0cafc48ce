import type { TEquipmentModel, TUtilityDraw } from './model-types.ts';
import { Ar1Noise, createRng, type TRng } from './prng.ts';

/**
 * Plant utility meters read over Modbus TCP: electricity (kWh), natural gas (Nm³), water (m³) and compressed
 * air (Nm³) per plant. Each meter integrates what the plant's simulated equipment draws (cold mill motor
 * power, furnace burners, billet heaters, cooling water, ...) plus the plant's base load, so the totals count
 * up in step with production. Like real meters from different makers, they use different register types and
 * word orders; the map is REGISTER_MAP (holding registers, function code 3, unit id 1, 0-based addresses).
 */

export type TRegisterType = 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32';
export type TWordOrder = 'big' | 'little';

export interface TRegisterDef {
  /** Equipment code of the meter ("EM-RP"). */
  equipment: string;
  plant: string;
  /** Tag name ("energy"). */
  tag: string;
  /** 0-based holding register address. */
  address: number;
  type: TRegisterType;
  /** Order of the two registers of a 32-bit value: big = high word first (ABCD), little = low word first (CDAB). */
  wordOrder: TWordOrder;
  /** Engineering value = raw x scale. */
  scale: number;
  unit: string;
  description: string;
}

export const METER_KINDS = ['electricity', 'gas', 'water', 'air'] as const;
export type TMeterKind = (typeof METER_KINDS)[number];

const PLANT_BASE: Record<string, number> = { RP: 0, EP: 100 };
/** Registers each plant's meters own from its base address (40; the rest up to the next base is unmapped). */
export const PLANT_BLOCK = 40;

/** Base loads (lighting, HVAC, pumps, compressors idling), assumed. */
const BASE_DRAW: Record<string, TUtilityDraw> = {
  RP: { electricityKw: 1800, gasNm3PerH: 20, waterM3PerH: 15, airNm3PerH: 600 },
  EP: { electricityKw: 700, gasNm3PerH: 10, waterM3PerH: 6, airNm3PerH: 300 },
};

function plantRegisters(plant: string): TRegisterDef[] {
  const b = PLANT_BASE[plant];
  if (b === undefined) throw new Error(`no energy meters for plant ${plant}`);
  const em = `EM-${plant}`;
  const gm = `GM-${plant}`;
  const wm = `WM-${plant}`;
  const am = `AM-${plant}`;
  const r = (
    equipment: string,
    tag: string,
    address: number,
    type: TRegisterType,
    wordOrder: TWordOrder,
    scale: number,
    unit: string,
    description: string,
  ): TRegisterDef => ({
    equipment,
    plant,
    tag,
    address: b + address,
    type,
    wordOrder,
    scale,
    unit,
    description,
  });
  return [
    r(em, 'energy', 0, 'uint32', 'big', 0.1, 'kWh', 'Active energy import, total'),
    r(em, 'power', 2, 'float32', 'big', 1, 'kW', 'Active power'),
    r(
      em,
      'seq',
      8,
      'uint32',
      'big',
      1,
      '',
      'Meter sample sequence number (increments once per meter update)',
    ),
    r(gm, 'volume', 10, 'uint32', 'little', 0.01, 'Nm³', 'Gas volume at normal conditions, total'),
    r(gm, 'flow', 12, 'float32', 'little', 1, 'Nm³/h', 'Gas flow'),
    r(gm, 'seq', 18, 'uint32', 'big', 1, '', 'Meter sample sequence number'),
    r(wm, 'volume', 20, 'uint32', 'big', 0.001, 'm³', 'Water volume, total'),
    r(wm, 'flow', 22, 'uint16', 'big', 0.1, 'm³/h', 'Water flow'),
    r(wm, 'seq', 28, 'uint32', 'big', 1, '', 'Meter sample sequence number'),
    r(am, 'volume', 30, 'uint32', 'big', 0.1, 'Nm³', 'Compressed air volume at normal conditions, total'),
    r(am, 'flow', 32, 'float32', 'big', 1, 'Nm³/h', 'Compressed air flow'),
    r(am, 'pressure', 34, 'int16', 'big', 0.01, 'bar', 'Header pressure (gauge)'),
    r(am, 'seq', 38, 'uint32', 'big', 1, '', 'Meter sample sequence number'),
  ];
}

export function registerMap(plants: readonly string[]): TRegisterDef[] {
  return plants.flatMap(plantRegisters);
}

/** Number of registers a value occupies. */
export function registerWidth(type: TRegisterType): 1 | 2 {
  return type === 'int16' || type === 'uint16' ? 1 : 2;
}

/** Encodes an engineering value into its registers (16-bit words, bytes big-endian within each word). */
export function encodeRegister(
  def: Pick<TRegisterDef, 'type' | 'wordOrder' | 'scale'>,
  value: number,
): number[] {
  const raw = def.type === 'float32' ? value / def.scale : Math.round(value / def.scale);
  const buf = Buffer.alloc(4);
  switch (def.type) {
    case 'int16':
      buf.writeInt16BE(clampInt(raw, -32768, 32767));
      return [buf.readUInt16BE(0)];
    case 'uint16':
      buf.writeUInt16BE(clampInt(raw, 0, 65535));
      return [buf.readUInt16BE(0)];
    case 'int32':
      buf.writeInt32BE(clampInt(raw, -2147483648, 2147483647));
      break;
    case 'uint32':
      // counters wrap like real meters do
      buf.writeUInt32BE(((Math.floor(raw) % 4294967296) + 4294967296) % 4294967296);
      break;
    case 'float32':
      buf.writeFloatBE(raw);
      break;
  }
  const hi = buf.readUInt16BE(0);
  const lo = buf.readUInt16BE(2);
  return def.wordOrder === 'big' ? [hi, lo] : [lo, hi];
}

/** Decodes registers back into the engineering value (what a Modbus client does with the map). */
export function decodeRegister(
  def: Pick<TRegisterDef, 'type' | 'wordOrder' | 'scale'>,
  words: readonly number[],
): number {
  const buf = Buffer.alloc(4);
  if (registerWidth(def.type) === 1) {
    buf.writeUInt16BE(words[0] ?? 0);
    const raw = def.type === 'int16' ? buf.readInt16BE(0) : buf.readUInt16BE(0);
    return raw * def.scale;
  }
  const [a = 0, b = 0] = words;
  const [hi, lo] = def.wordOrder === 'big' ? [a, b] : [b, a];
  buf.writeUInt16BE(hi, 0);
  buf.writeUInt16BE(lo, 2);
  const raw =
    def.type === 'float32'
      ? buf.readFloatBE(0)
      : def.type === 'int32'
        ? buf.readInt32BE(0)
        : buf.readUInt32BE(0);
  return raw * def.scale;
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(x)));
}

interface TPlantMeters {
  plant: string;
  models: TEquipmentModel[];
  kwh: number;
  gas: number;
  water: number;
  air: number;
  draw: TUtilityDraw;
  pressureBar: number;
  seq: number;
}

/** The meters' state; `step` integrates the plant's draw. Pure and seeded like the equipment models. */
export class EnergyMeters {
  readonly map: TRegisterDef[];
  private readonly plants: TPlantMeters[];
  private readonly rng: TRng;
  private readonly pressureNoise: Ar1Noise;
  private readonly registers: Uint16Array;
  private readonly blocks: number[];

  constructor(seed: number, plants: readonly string[], models: readonly TEquipmentModel[]) {
    this.rng = createRng(seed, 'energy-meters');
    this.pressureNoise = new Ar1Noise(this.rng, 0.05, 0.95);
    this.map = registerMap(plants);
    this.plants = plants.map((plant) => ({
      plant,
      models: models.filter((m) => m.plant === plant),
      // meters have been installed for years: seeded non-zero starting readings
      kwh: Math.round(this.rng.uniform(5e6, 2e7)),
      gas: Math.round(this.rng.uniform(5e5, 3e6)),
      water: Math.round(this.rng.uniform(5e4, 5e5)),
      air: Math.round(this.rng.uniform(5e6, 4e7)),
      draw: { electricityKw: 0, gasNm3PerH: 0, waterM3PerH: 0, airNm3PerH: 0 },
      pressureBar: 6.5,
      seq: 0,
    }));
    this.blocks = plants.map((p) => PLANT_BASE[p] as number);
    this.registers = new Uint16Array(Math.max(...this.blocks) + PLANT_BLOCK);
    this.encode();
  }

  /** Integrates dtS seconds of the current draw. */
  integrate(dtS: number): void {
    for (const p of this.plants) {
      const base = BASE_DRAW[p.plant] ?? BASE_DRAW.RP;
      const d: TUtilityDraw = { ...(base as TUtilityDraw) };
      for (const m of p.models) {
        const u = m.utilities();
        d.electricityKw += u.electricityKw;
        d.gasNm3PerH += u.gasNm3PerH;
        d.waterM3PerH += u.waterM3PerH;
        d.airNm3PerH += u.airNm3PerH;
      }
      p.draw = d;
      const h = dtS / 3600;
      p.kwh += d.electricityKw * h;
      p.gas += d.gasNm3PerH * h;
      p.water += d.waterM3PerH * h;
      p.air += d.airNm3PerH * h;
    }
  }

  /** A meter update: the registers take the new readings and every meter's sequence number increments. */
  sample(): void {
    for (const p of this.plants) {
      p.seq += 1;
      p.pressureBar = 6.5 - p.draw.airNm3PerH / 4000 + this.pressureNoise.step();
    }
    this.encode();
  }

  private encode(): void {
    for (const def of this.map) {
      const p = this.plants.find((x) => x.plant === def.plant);
      if (!p) continue;
      const words = encodeRegister(def, this.valueOf(p, def));
      words.forEach((w, i) => {
        this.registers[def.address + i] = w;
      });
    }
  }

  private valueOf(p: TPlantMeters, def: TRegisterDef): number {
    const kind = def.equipment.slice(0, 2);
    if (def.tag === 'seq') return p.seq;
    switch (kind) {
      case 'EM':
        return def.tag === 'energy' ? p.kwh : p.draw.electricityKw;
      case 'GM':
        return def.tag === 'volume' ? p.gas : p.draw.gasNm3PerH;
      case 'WM':
        return def.tag === 'volume' ? p.water : p.draw.waterM3PerH;
      default:
        return def.tag === 'volume' ? p.air : def.tag === 'flow' ? p.draw.airNm3PerH : p.pressureBar;
    }
  }

  /**
   * Holding registers [address, address + count). Each plant's meters own a block of PLANT_BLOCK registers
   * (unused ones read 0); a read reaching outside every block answers Modbus exception 2, illegal data address.
   */
  read(address: number, count: number): number[] {
    const inBlock = (a: number) => this.blocks.some((b) => a >= b && a < b + PLANT_BLOCK);
    if (
      count < 1 ||
      !inBlock(address) ||
      !inBlock(address + count - 1) ||
      Math.floor(address / 100) !== Math.floor((address + count - 1) / 100)
    ) {
      throw Object.assign(new Error(`illegal data address ${address}+${count}`), { modbusErrorCode: 0x02 });
    }
    return Array.from(this.registers.subarray(address, address + count));
  }

  /** Engineering values of every register of the map (the state the registers encode). */
  readings(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const def of this.map) {
      const w = registerWidth(def.type);
      out[`${def.equipment}/${def.tag}`] = decodeRegister(def, this.read(def.address, w));
    }
    return out;
  }

  /** Meter samples produced (sequence numbers issued) per meter equipment code. */
  sequences(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const def of this.map)
      if (def.tag === 'seq') out[`${def.plant}/${def.equipment}`] = this.plantSeq(def.plant);
    return out;
  }

  private plantSeq(plant: string): number {
    return this.plants.find((p) => p.plant === plant)?.seq ?? 0;
  }
}
