/**
 * What every equipment model of the plant simulator provides. Models are pure: given a seed and the same
 * sequence of steps they produce the same values; they know nothing of OPC UA, Modbus or wall-clock time.
 */

export type TTagValue = number | string;

/** UNECE Recommendation 20 unit (what OPC UA's EUInformation carries). */
export interface TUnit {
  /** UNECE common code, e.g. "MMT". */
  code: string;
  symbol: string;
  name: string;
}

/** UNECE codes from Recommendation 20 (OPC UA Part 8 maps them to EUInformation.unitId). */
export const UNITS = {
  mm: { code: 'MMT', symbol: 'mm', name: 'millimetre' },
  m: { code: 'MTR', symbol: 'm', name: 'metre' },
  mPerMin: { code: '2X', symbol: 'm/min', name: 'metre per minute' },
  mmPerS: { code: 'C16', symbol: 'mm/s', name: 'millimetre per second' },
  kN: { code: 'B47', symbol: 'kN', name: 'kilonewton' },
  MN: { code: 'B73', symbol: 'MN', name: 'meganewton' },
  kW: { code: 'KWT', symbol: 'kW', name: 'kilowatt' },
  degC: { code: 'CEL', symbol: '°C', name: 'degree Celsius' },
  bar: { code: 'BAR', symbol: 'bar', name: 'bar' },
  m3PerH: { code: 'MQH', symbol: 'm³/h', name: 'cubic metre per hour' },
  mgPerM3: { code: 'GP', symbol: 'mg/m³', name: 'milligram per cubic metre' },
  ppm: { code: '59', symbol: 'ppm', name: 'part per million' },
  dBA: { code: '2N', symbol: 'dB(A)', name: 'decibel (A-weighted)' },
  iUnit: { code: 'C62', symbol: 'I', name: 'I-unit (flatness, 1e-5 relative elongation)' },
  percent: { code: 'P1', symbol: '%', name: 'percent' },
} as const satisfies Record<string, TUnit>;

export type TTagDataType = 'Double' | 'UInt32' | 'String';

export interface TTagDef {
  /** Tag name within the equipment, snake_case ("exit_thickness", "zone1.pv"). */
  name: string;
  dataType: TTagDataType;
  description: string;
  /** Analog tags: engineering unit and range (OPC UA AnalogItemType EURange; percent deadbands need it). */
  unit?: TUnit;
  range?: readonly [number, number];
  /** Discrete state tags: the meaning of each value (OPC UA MultiStateDiscreteType EnumStrings). */
  enumStrings?: readonly string[];
}

/** Equipment operating state shared by every model (tag `state`). */
export const EQUIPMENT_STATES = ['idle', 'running', 'fault'] as const;
export const STATE_IDLE = 0;
export const STATE_RUNNING = 1;
export const STATE_FAULT = 2;

/** What the equipment draws from the plant's utilities right now (for the plant energy meters). */
export interface TUtilityDraw {
  electricityKw: number;
  gasNm3PerH: number;
  waterM3PerH: number;
  airNm3PerH: number;
}

export const NO_DRAW: TUtilityDraw = { electricityKw: 0, gasNm3PerH: 0, waterM3PerH: 0, airNm3PerH: 0 };

/** A surface-inspection defect found on the cold mill's exit side. */
export interface TSurfaceDefect {
  /** Running number of defects on this mill since start (1, 2, ...). */
  defectNo: number;
  coilId: string;
  type: TDefectType;
  /** Numeric code of the type (index in DEFECT_TYPES + 1), for numeric-only telemetry stores. */
  typeCode: number;
  /** Position along the coil from its head, metres of exit strip. */
  positionM: number;
  /** Position across the strip from the operator-side edge, mm. */
  crossPositionMm: number;
  /** 1 minor (cosmetic), 2 major (customer-dependent), 3 critical (reject the affected length). */
  severity: 1 | 2 | 3;
}

/**
 * Typical surface defects of cold-rolled aluminium strip as surface-inspection systems classify them
 * (Chinese plant names in DEFECT_TYPE_NAMES_ZH).
 */
export const DEFECT_TYPES = [
  'scratch',
  'roll_mark',
  'oil_stain',
  'inclusion',
  'edge_crack',
  'herringbone',
  'dent',
] as const;
export type TDefectType = (typeof DEFECT_TYPES)[number];
export const DEFECT_TYPE_NAMES_ZH: Record<TDefectType, string> = {
  scratch: '划伤',
  roll_mark: '辊印',
  oil_stain: '油斑',
  inclusion: '夹杂',
  edge_crack: '裂边',
  herringbone: '人字纹',
  dent: '压坑',
};

export type TEquipmentKind = 'cold_mill' | 'hot_mill' | 'extrusion_press' | 'furnace' | 'environment';

export interface TEquipmentModel {
  readonly plant: string;
  readonly code: string;
  readonly kind: TEquipmentKind;
  readonly name: string;
  readonly nameEn: string;
  /** Every tag the model outputs, in a stable order. */
  readonly tags: readonly TTagDef[];
  /** Update period in simulator ticks (1 = every tick). */
  readonly periodTicks: number;
  /** Advance the model by dtS seconds of plant time. */
  step(dtS: number): void;
  /** The current value of every tag. */
  read(): Record<string, TTagValue>;
  /** What it draws from the utilities right now. */
  utilities(): TUtilityDraw;
  /** Trip fault: force the fault state (true) or release it (false). Absent when the model cannot trip. */
  setTripped?(tripped: boolean): void;
}
