import {
  DEFECT_TYPES,
  EQUIPMENT_STATES,
  STATE_FAULT,
  STATE_IDLE,
  STATE_RUNNING,
  type TDefectType,
  type TEquipmentModel,
  type TSurfaceDefect,
  type TTagDef,
  type TTagValue,
  type TUtilityDraw,
  UNITS,
} from './model-types.ts';
import { Ar1Noise, createRng, lag, type TRng } from './prng.ts';

/**
 * A single-stand cold rolling mill rolling one coil after another, one pass per coil.
 *
 * Figures (shared/domain/equipment.json, class cold_rolling_mill, unless marked assumed):
 * - entry thickness up to 8 mm, exit down to 0.1 mm, width up to 1900 mm, coils up to 21 t (aist-nela, CM-1);
 * - max rolling speed 600 m/min, thickness deviation ±0.005 mm, Φ360 mm work rolls, 1400 mm barrel
 *   (ezt-china-cold, CM-2); "up to 800 m/min" (alcoa-pointhenry) for the 6-high mill;
 * - 3-4 passes from 0.75-6 mm hot band to 0.25 mm (alcoa-yennora): the pass schedules below reduce 40-50 %;
 * - cold-rolled strip heats to about 100 °C by deformation (process-rules.json proc-cold-temperature).
 * Roll force and motor power are NOT published (equipment.json not_found): they are computed from the
 * simplified roll-gap model F = 1.15 k w sqrt(R Δh) Qp and the roll torque arm 0.45 sqrt(R Δh), with the
 * flow stress k of the alloy being rolled (assumed representative work-hardened values, see ALLOYS).
 */

export interface TColdMillSpec {
  plant: string;
  code: string;
  name: string;
  nameEn: string;
  /** Maximum rolling speed, m/min. */
  maxSpeedMPerMin: number;
  /** Work roll radius, m. */
  workRollRadiusM: number;
  /** Strip width range, mm. */
  widthMm: readonly [number, number];
  /** Coil weight range, t. */
  coilWeightT: readonly [number, number];
  /** Passes rolled (entry -> exit thickness, mm); each coil takes one. */
  passes: readonly (readonly [number, number])[];
  /** Absolute AGC thickness capability, ± mm (three sigma). */
  agcToleranceMm: number;
  /** Prefix of coil ids. */
  coilPrefix: string;
  /** Alloys this mill rolls. Default 1060, 3003, 5052, 8011. */
  alloys?: readonly TRolledAlloy[];
  /** Speed while threading, m/min. Default 45. */
  threadSpeedMPerMin?: number;
}

/** Alloys rolled, density (alloys.json) and an assumed mean flow stress when work-hardened (MPa). */
const ALLOYS = [
  { alloy: '1060', densityKgM3: 2700, flowStressMpa: 110 },
  { alloy: '1235', densityKgM3: 2700, flowStressMpa: 120 },
  { alloy: '3003', densityKgM3: 2730, flowStressMpa: 160 },
  { alloy: '5052', densityKgM3: 2680, flowStressMpa: 230 },
  { alloy: '8011', densityKgM3: 2710, flowStressMpa: 140 },
] as const;
export type TRolledAlloy = (typeof ALLOYS)[number]['alloy'];

/** Defect frequencies: share of each type (sums to 1) and the mean strip length between two defects. */
const DEFECT_SHARE: Record<TDefectType, number> = {
  scratch: 0.25,
  roll_mark: 0.2,
  oil_stain: 0.2,
  inclusion: 0.1,
  edge_crack: 0.1,
  herringbone: 0.1,
  dent: 0.05,
};
const MEAN_M_BETWEEN_DEFECTS = 700;

type TPhase = 'idle' | 'threading' | 'accelerating' | 'steady' | 'decelerating' | 'tripped';

const ACCEL = 40; // m/min per second (≈0.67 m/s²)
const FRICTION = 0.05; // roll-gap friction coefficient with rolling oil (assumed)
const IDLE_KW = 90; // auxiliaries with the mill stopped (assumed)

/** The cold mill's tags; ranges (EURange) follow the mill's speed and longest coil. */
export function coldMillTags(maxSpeedMPerMin = 1000, maxCoilLengthM = 40000): readonly TTagDef[] {
  return [
    { name: 'state', dataType: 'UInt32', description: 'Mill state', enumStrings: EQUIPMENT_STATES },
    { name: 'coil_id', dataType: 'String', description: 'Coil being rolled' },
    { name: 'alloy', dataType: 'String', description: 'Alloy of the coil being rolled' },
    { name: 'coil_count', dataType: 'UInt32', description: 'Coils finished since start' },
    {
      name: 'coil_length',
      dataType: 'Double',
      description: 'Exit strip rolled on the current coil (length counter)',
      unit: UNITS.m,
      range: [0, maxCoilLengthM],
    },
    { name: 'strip_width', dataType: 'Double', description: 'Strip width', unit: UNITS.mm, range: [0, 2000] },
    {
      name: 'target_thickness',
      dataType: 'Double',
      description: 'Exit thickness set point',
      unit: UNITS.mm,
      range: [0, 10],
    },
    {
      name: 'entry_thickness',
      dataType: 'Double',
      description: 'Entry thickness (entry gauge)',
      unit: UNITS.mm,
      range: [0, 10],
    },
    {
      name: 'exit_thickness',
      dataType: 'Double',
      description: 'Exit thickness (exit X-ray gauge)',
      unit: UNITS.mm,
      range: [0, 10],
    },
    {
      name: 'strip_speed',
      dataType: 'Double',
      description: 'Exit strip speed',
      unit: UNITS.mPerMin,
      range: [0, maxSpeedMPerMin],
    },
    {
      name: 'entry_speed',
      dataType: 'Double',
      description: 'Entry strip speed',
      unit: UNITS.mPerMin,
      range: [0, maxSpeedMPerMin],
    },
    {
      name: 'roll_force',
      dataType: 'Double',
      description: 'Total rolling force',
      unit: UNITS.kN,
      range: [0, 20000],
    },
    {
      name: 'entry_tension',
      dataType: 'Double',
      description: 'Entry (back) tension',
      unit: UNITS.kN,
      range: [0, 300],
    },
    {
      name: 'exit_tension',
      dataType: 'Double',
      description: 'Exit (front) tension',
      unit: UNITS.kN,
      range: [0, 300],
    },
    {
      name: 'motor_power',
      dataType: 'Double',
      description: 'Main drive power',
      unit: UNITS.kW,
      range: [0, 6000],
    },
    {
      name: 'bearing_temp',
      dataType: 'Double',
      description: 'Work roll chock bearing temperature',
      unit: UNITS.degC,
      range: [0, 150],
    },
    {
      name: 'strip_temp',
      dataType: 'Double',
      description: 'Exit strip temperature',
      unit: UNITS.degC,
      range: [0, 200],
    },
    {
      name: 'flatness',
      dataType: 'Double',
      description: 'Flatness deviation (RMS over the width)',
      unit: UNITS.iUnit,
      range: [0, 100],
    },
    { name: 'defect_count', dataType: 'UInt32', description: 'Surface defects found on the current coil' },
    {
      name: 'defect_no',
      dataType: 'UInt32',
      description: 'Running number of the last surface defect (0 = none yet)',
    },
    {
      name: 'defect_type',
      dataType: 'String',
      description: `Type of the last surface defect (${DEFECT_TYPES.join(', ')})`,
    },
    {
      name: 'defect_type_code',
      dataType: 'UInt32',
      description: 'Type of the last surface defect as a number (1-based index in the type list)',
    },
    {
      name: 'defect_position',
      dataType: 'Double',
      description: 'Position of the last defect along the coil from its head',
      unit: UNITS.m,
      range: [0, maxCoilLengthM],
    },
    {
      name: 'defect_cross_position',
      dataType: 'Double',
      description: 'Position of the last defect across the strip',
      unit: UNITS.mm,
      range: [0, 2000],
    },
    {
      name: 'defect_severity',
      dataType: 'UInt32',
      description: 'Severity of the last defect: 1 minor, 2 major, 3 critical',
    },
  ];
}

interface TCoil {
  id: string;
  alloy: (typeof ALLOYS)[number];
  entryMm: number;
  exitMm: number;
  widthMm: number;
  weightT: number;
  /** Exit length of the whole coil, m. */
  exitLengthM: number;
}

export class ColdMillModel implements TEquipmentModel {
  readonly kind = 'cold_mill' as const;
  readonly tags: readonly TTagDef[];
  readonly periodTicks = 1;
  readonly plant: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;

  private readonly rng: TRng;
  private readonly threadSpeed: number;
  private readonly gaugeNoise: Ar1Noise;
  private readonly entryNoise: Ar1Noise;
  private readonly tensionNoise: Ar1Noise;
  private readonly flatNoise: Ar1Noise;
  private phase: TPhase = 'idle';
  private phaseLeftS: number;
  private tripped = false;
  private coilNo: number;
  private coil: TCoil;
  private speed = 0; // exit m/min
  private cruiseSpeed = 0;
  private lengthM = 0;
  private coilCount = 0;
  private bearingC: number;
  private stripC: number;
  private offGauge = 0; // relative head/tail and speed-change error
  private defectsOnCoil = 0;
  private defectNo = 0;
  private nextDefectAtM: number;
  private lastDefect: TSurfaceDefect | undefined;
  private readonly pendingDefects: TSurfaceDefect[] = [];
  private values: Record<string, TTagValue> = {};
  private draw: TUtilityDraw = { electricityKw: IDLE_KW, gasNm3PerH: 0, waterM3PerH: 2, airNm3PerH: 20 };

  constructor(
    readonly spec: TColdMillSpec,
    seed: number,
  ) {
    this.plant = spec.plant;
    this.code = spec.code;
    this.name = spec.name;
    this.nameEn = spec.nameEn;
    this.rng = createRng(seed, `${spec.plant}/${spec.code}`);
    this.threadSpeed = spec.threadSpeedMPerMin ?? 45;
    const thinnest = Math.min(...spec.passes.map((p) => p[1]));
    const longest = (spec.coilWeightT[1] * 1e9) / (2680 * spec.widthMm[0] * thinnest); // m: t, kg/m³, mm, mm
    this.tags = coldMillTags(Math.ceil(spec.maxSpeedMPerMin * 1.1), Math.ceil(longest / 1000) * 1000);
    this.gaugeNoise = new Ar1Noise(this.rng, 1, 0.9);
    this.entryNoise = new Ar1Noise(this.rng, 1, 0.98);
    this.tensionNoise = new Ar1Noise(this.rng, 1, 0.95);
    this.flatNoise = new Ar1Noise(this.rng, 1, 0.97);
    this.coilNo = this.rng.int(1000, 8999);
    this.coil = this.newCoil();
    this.phaseLeftS = this.rng.uniform(5, 40);
    this.bearingC = 38 + this.rng.uniform(0, 4);
    this.stripC = 30;
    this.nextDefectAtM = this.drawDefectGap();
    this.compute(0);
  }

  private newCoil(): TCoil {
    this.coilNo += 1;
    const pass = this.rng.pick(this.spec.passes);
    const rolled = this.spec.alloys ?? (['1060', '3003', '5052', '8011'] as const);
    const alloy = this.rng.pick(ALLOYS.filter((a) => rolled.includes(a.alloy)));
    const widthMm = Math.round(this.rng.uniform(this.spec.widthMm[0], this.spec.widthMm[1]) / 10) * 10;
    const weightT =
      Math.round(this.rng.uniform(this.spec.coilWeightT[0], this.spec.coilWeightT[1]) * 10) / 10;
    const exitLengthM = (weightT * 1000) / (alloy.densityKgM3 * (widthMm / 1000) * (pass[1] / 1000));
    return {
      id: `${this.spec.coilPrefix}${String(this.coilNo).padStart(6, '0')}`,
      alloy,
      entryMm: pass[0],
      exitMm: pass[1],
      widthMm,
      weightT,
      exitLengthM,
    };
  }

  private drawDefectGap(): number {
    // exponential gaps: defects are a Poisson process along the strip
    return -Math.log(1 - this.rng.next()) * MEAN_M_BETWEEN_DEFECTS;
  }

  setTripped(tripped: boolean): void {
    if (tripped === this.tripped) return;
    this.tripped = tripped;
    if (tripped) this.phase = 'tripped';
    else {
      // after a trip the coil is cut off and a new one is loaded
      this.phase = 'idle';
      this.phaseLeftS = 120;
      this.finishCoil();
    }
  }

  private finishCoil(): void {
    this.coilCount += 1;
    this.coil = this.newCoil();
    this.lengthM = 0;
    this.defectsOnCoil = 0;
    this.nextDefectAtM = this.drawDefectGap();
  }

  /** Surface defects found since the last call (the simulator raises them as OPC UA events). */
  drainDefects(): TSurfaceDefect[] {
    return this.pendingDefects.splice(0, this.pendingDefects.length);
  }

  step(dtS: number): void {
    const c = this.coil;
    const decelDistanceM = (this.speed * this.speed - this.threadSpeed * this.threadSpeed) / (2 * ACCEL * 60);
    switch (this.phase) {
      case 'tripped':
        this.speed = Math.max(0, this.speed - 3 * ACCEL * dtS);
        break;
      case 'idle':
        this.speed = 0;
        this.phaseLeftS -= dtS;
        if (this.phaseLeftS <= 0) {
          this.phase = 'threading';
          this.phaseLeftS = this.rng.uniform(8, 15);
          this.offGauge = 0.03;
        }
        break;
      case 'threading':
        this.speed = Math.min(this.threadSpeed, this.speed + ACCEL * dtS);
        this.phaseLeftS -= dtS;
        if (this.phaseLeftS <= 0) {
          this.phase = 'accelerating';
          this.cruiseSpeed = this.spec.maxSpeedMPerMin * this.rng.uniform(0.75, 0.95);
        }
        break;
      case 'accelerating':
        this.speed = Math.min(this.cruiseSpeed, this.speed + ACCEL * dtS);
        this.offGauge = Math.max(this.offGauge, 0.008);
        if (this.speed >= this.cruiseSpeed) this.phase = 'steady';
        break;
      case 'steady':
        if (c.exitLengthM - this.lengthM <= decelDistanceM + 30) this.phase = 'decelerating';
        break;
      case 'decelerating':
        this.speed = Math.max(this.threadSpeed, this.speed - ACCEL * dtS);
        this.offGauge = Math.max(this.offGauge, 0.008);
        break;
    }
    // head/tail and speed-change thickness error decays under AGC with a ~3 s time constant
    this.offGauge = lag(this.offGauge, 0, 3, dtS);

    const advanceM = (this.speed / 60) * dtS;
    if (this.phase !== 'idle') this.lengthM += advanceM;
    if (this.phase !== 'idle' && this.phase !== 'tripped') {
      while (this.lengthM >= this.nextDefectAtM && this.nextDefectAtM <= c.exitLengthM) {
        this.emitDefect(this.nextDefectAtM);
        this.nextDefectAtM += this.drawDefectGap();
      }
    }
    if (this.phase !== 'idle' && this.phase !== 'tripped' && this.lengthM >= c.exitLengthM) {
      this.lengthM = c.exitLengthM;
      this.compute(dtS);
      this.finishCoil();
      this.phase = 'idle';
      this.phaseLeftS = this.rng.uniform(60, 150); // coil change (assumed)
      this.speed = 0;
      return;
    }
    this.compute(dtS);
  }

  private emitDefect(positionM: number): void {
    const c = this.coil;
    let u = this.rng.next();
    let type: TDefectType = 'scratch';
    for (const t of DEFECT_TYPES) {
      u -= DEFECT_SHARE[t];
      if (u < 0) {
        type = t;
        break;
      }
    }
    const s = this.rng.next();
    const severity: 1 | 2 | 3 = s < 0.75 ? 1 : s < 0.95 ? 2 : 3;
    const edge = type === 'edge_crack';
    const cross = edge
      ? this.rng.chance(0.5)
        ? this.rng.uniform(0, 25)
        : c.widthMm - this.rng.uniform(0, 25)
      : this.rng.uniform(0, c.widthMm);
    this.defectNo += 1;
    this.defectsOnCoil += 1;
    const d: TSurfaceDefect = {
      defectNo: this.defectNo,
      coilId: c.id,
      type,
      typeCode: DEFECT_TYPES.indexOf(type) + 1,
      positionM: Math.round(positionM * 10) / 10,
      crossPositionMm: Math.round(cross),
      severity,
    };
    this.lastDefect = d;
    this.pendingDefects.push(d);
  }

  private compute(dtS: number): void {
    const c = this.coil;
    const running = this.speed > 0.01;
    const sigma = Math.max(this.spec.agcToleranceMm, 0.005 * c.exitMm) / 3;
    const gaugeErr = this.gaugeNoise.step() * sigma;
    const entry = c.entryMm * (1 + 0.004 * this.entryNoise.step());
    const exit = running ? c.exitMm * (1 + this.offGauge) + gaugeErr : c.exitMm;
    const widthM = c.widthMm / 1000;
    const R = this.spec.workRollRadiusM;
    const dh = Math.max(0.001, entry - exit) / 1000; // m
    const contact = Math.sqrt(R * dh);
    const hMean = ((entry + exit) / 2000) as number;
    const k = 1.15 * c.alloy.flowStressMpa * 1e6;
    const tn = this.tensionNoise.step();
    const backSigma = running ? (0.18 + 0.01 * tn) * c.alloy.flowStressMpa : 0; // MPa, ~18 % of flow stress
    const frontSigma = running ? (0.22 + 0.01 * tn) * c.alloy.flowStressMpa : 0;
    const entryTensionKn = backSigma * widthM * entry; // MPa * m * mm = kN
    const exitTensionKn = frontSigma * widthM * exit;
    const qp = 1 + (FRICTION * contact) / (4 * hMean);
    const tensionRelief = 1 - (backSigma + frontSigma) / (2 * 1.15 * c.alloy.flowStressMpa) / 2;
    const forceN = running ? k * widthM * contact * qp * tensionRelief : 0;
    const vExit = this.speed / 60;
    const vEntry = (vExit * exit) / entry;
    const rollPowerW = (2 * forceN * 0.45 * contact * vExit) / R;
    const tensionPowerW = entryTensionKn * 1000 * vEntry - exitTensionKn * 1000 * vExit;
    const motorKw = running ? Math.max(0, (rollPowerW + tensionPowerW) / 0.93) / 1000 + IDLE_KW : IDLE_KW;
    const load = running ? (forceN / 1e6 / 8) * (this.speed / this.spec.maxSpeedMPerMin) : 0;
    this.bearingC = lag(this.bearingC, 38 + 30 * Math.min(1.2, load), 600, dtS);
    const reduction = (entry - exit) / entry;
    this.stripC = lag(
      this.stripC,
      running ? 30 + 140 * reduction * (this.speed / this.spec.maxSpeedMPerMin) : 30,
      20,
      dtS,
    );
    const flat = running ? Math.abs(6 + 3 * this.flatNoise.step() + 200 * this.offGauge) : 0;
    const state = this.tripped ? STATE_FAULT : this.phase === 'idle' ? STATE_IDLE : STATE_RUNNING;
    const d = this.lastDefect;
    this.values = {
      state,
      coil_id: c.id,
      alloy: c.alloy.alloy,
      coil_count: this.coilCount,
      coil_length: round(this.lengthM, 1),
      strip_width: c.widthMm,
      target_thickness: c.exitMm,
      entry_thickness: round(entry, 5),
      exit_thickness: round(exit, 5),
      strip_speed: round(this.speed, 1),
      entry_speed: round(vEntry * 60, 1),
      roll_force: round(forceN / 1000, 0),
      entry_tension: round(entryTensionKn, 2),
      exit_tension: round(exitTensionKn, 2),
      motor_power: round(motorKw, 0),
      bearing_temp: round(this.bearingC, 2),
      strip_temp: round(this.stripC, 1),
      flatness: round(flat, 1),
      defect_count: this.defectsOnCoil,
      defect_no: d?.defectNo ?? 0,
      defect_type: d?.type ?? '',
      defect_type_code: d?.typeCode ?? 0,
      defect_position: d?.positionM ?? 0,
      defect_cross_position: d?.crossPositionMm ?? 0,
      defect_severity: d?.severity ?? 0,
    };
    this.draw = {
      electricityKw: motorKw + (running ? 150 : 0), // + coolant pumps, fans (assumed)
      gasNm3PerH: 0,
      waterM3PerH: running ? 12 : 2,
      airNm3PerH: running ? 60 : 20,
    };
  }

  read(): Record<string, TTagValue> {
    return this.values;
  }

  utilities(): TUtilityDraw {
    return this.draw;
  }

  /** For tests: the coil being rolled. */
  get currentCoil(): Readonly<TCoil> {
    return this.coil;
  }
  get currentPhase(): TPhase {
    return this.phase;
  }
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
