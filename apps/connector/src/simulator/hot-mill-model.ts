import { round } from './cold-mill-model.ts';
import {
  EQUIPMENT_STATES,
  STATE_FAULT,
  STATE_IDLE,
  STATE_RUNNING,
  type TEquipmentModel,
  type TTagDef,
  type TTagValue,
  type TUtilityDraw,
  UNITS,
} from './model-types.ts';
import { Ar1Noise, createRng, lag, type TRng } from './prng.ts';

/**
 * A 1+4 hot rolling line: a reversing roughing mill followed by a 4-stand tandem finishing mill, one slab
 * at a time. Figures from shared/domain/equipment.json (hot_rolling_line) and process-rules.json:
 * - ingot up to 635 mm thick and 32.5 t, finishing entry 30 mm, 4 finishing stands, hot band 2-7 mm
 *   (tpt-maaden, the seeded HM-1);
 * - slab 600 mm thick, reheat to 525 °C (wa-rolling); DC ingots 500-600 mm x 2000 mm x 8000 mm (azom-rolled);
 * - about 22 reversing roughing passes (alcoa-yennora, process-rules proc-hot-passes: up to 28).
 * Roll forces and drive power are not published (not_found): computed with the same roll-gap formula as the
 * cold mill with a hot flow stress of about 40 MPa at 450-500 °C (assumed); exit temperature assumed 300-340 °C.
 */

const ROUGHING_PASSES = 22;
const SLAB_MM = 600;
const FINISH_ENTRY_MM = 30;
const SLAB_LENGTH_M = 6;
const SLAB_WIDTH_M = 1.8;
const HOT_BAND_MM = [2.5, 3, 4, 5, 6, 7] as const;
const ROUGHER_RADIUS_M = 0.55; // Φ1100 mm work rolls (assumed)
const FINISHER_RADIUS_M = 0.35; // Φ700 mm (assumed)
const HOT_FLOW_MPA = 40;
const IDLE_KW = 350;

export const HOT_MILL_TAGS: readonly TTagDef[] = [
  { name: 'state', dataType: 'UInt32', description: 'Line state', enumStrings: EQUIPMENT_STATES },
  { name: 'slab_id', dataType: 'String', description: 'Slab (ingot) being rolled' },
  { name: 'coil_count', dataType: 'UInt32', description: 'Hot band coils finished since start' },
  { name: 'pass_no', dataType: 'UInt32', description: 'Roughing pass number (0 = not roughing)' },
  {
    name: 'entry_temp',
    dataType: 'Double',
    description: 'Slab temperature at the rougher',
    unit: UNITS.degC,
    range: [0, 650],
  },
  {
    name: 'rougher_thickness',
    dataType: 'Double',
    description: 'Transfer bar thickness after the last roughing pass',
    unit: UNITS.mm,
    range: [0, 700],
  },
  {
    name: 'rougher_speed',
    dataType: 'Double',
    description: 'Roughing mill speed',
    unit: UNITS.mPerMin,
    range: [0, 300],
  },
  {
    name: 'rougher_force',
    dataType: 'Double',
    description: 'Roughing mill force',
    unit: UNITS.kN,
    range: [0, 60000],
  },
  {
    name: 'target_thickness',
    dataType: 'Double',
    description: 'Hot band thickness set point',
    unit: UNITS.mm,
    range: [0, 12],
  },
  {
    name: 'exit_thickness',
    dataType: 'Double',
    description: 'Hot band thickness after stand F4',
    unit: UNITS.mm,
    range: [0, 12],
  },
  {
    name: 'exit_speed',
    dataType: 'Double',
    description: 'Speed after stand F4',
    unit: UNITS.mPerMin,
    range: [0, 600],
  },
  {
    name: 'exit_temp',
    dataType: 'Double',
    description: 'Hot band temperature after stand F4',
    unit: UNITS.degC,
    range: [0, 600],
  },
  {
    name: 'finisher_force',
    dataType: 'Double',
    description: 'Stand F4 force',
    unit: UNITS.kN,
    range: [0, 30000],
  },
  {
    name: 'motor_power',
    dataType: 'Double',
    description: 'Main drives, rougher plus finisher',
    unit: UNITS.kW,
    range: [0, 30000],
  },
  {
    name: 'bearing_temp',
    dataType: 'Double',
    description: 'Rougher work roll bearing temperature',
    unit: UNITS.degC,
    range: [0, 150],
  },
];

type TPhase = 'idle' | 'roughing' | 'reversing' | 'finishing' | 'tripped';

export class HotMillModel implements TEquipmentModel {
  readonly kind = 'hot_mill' as const;
  readonly tags = HOT_MILL_TAGS;
  readonly periodTicks = 1;
  private readonly rng: TRng;
  private readonly gauge: Ar1Noise;
  private readonly temp: Ar1Noise;
  private phase: TPhase = 'idle';
  private phaseLeftS: number;
  private tripped = false;
  private slabNo: number;
  private slabId = '';
  private coilCount = 0;
  private passNo = 0;
  private barMm = SLAB_MM;
  private passFromMm = SLAB_MM;
  private passLeftM = 0;
  private rougherSpeed = 0;
  private rougherForceN = 0;
  private slabC = 525;
  private targetMm = 3;
  private bandLeftM = 0;
  private exitSpeed = 0;
  private exitC = 30;
  private offGauge = 0;
  private bearingC: number;
  private values: Record<string, TTagValue> = {};
  private draw: TUtilityDraw = { electricityKw: IDLE_KW, gasNm3PerH: 0, waterM3PerH: 5, airNm3PerH: 40 };

  constructor(
    readonly plant: string,
    readonly code: string,
    readonly name: string,
    readonly nameEn: string,
    seed: number,
  ) {
    this.rng = createRng(seed, `${plant}/${code}`);
    this.gauge = new Ar1Noise(this.rng, 1, 0.9);
    this.temp = new Ar1Noise(this.rng, 1, 0.99);
    this.slabNo = this.rng.int(100, 899);
    this.phaseLeftS = this.rng.uniform(5, 30);
    this.bearingC = 40;
    this.compute(0);
  }

  setTripped(tripped: boolean): void {
    if (tripped === this.tripped) return;
    this.tripped = tripped;
    if (tripped) this.phase = 'tripped';
    else {
      this.phase = 'idle';
      this.phaseLeftS = 300;
      this.passNo = 0;
    }
  }

  private startSlab(): void {
    this.slabNo += 1;
    this.slabId = `S${String(this.slabNo).padStart(6, '0')}`;
    this.slabC = 525 + this.rng.uniform(-10, 10);
    this.barMm = SLAB_MM;
    this.passNo = 0;
    this.targetMm = this.rng.pick(HOT_BAND_MM);
    this.startPass();
  }

  private startPass(): void {
    this.passNo += 1;
    this.passFromMm = this.barMm;
    const ratio = (FINISH_ENTRY_MM / SLAB_MM) ** (1 / ROUGHING_PASSES);
    this.barMm = SLAB_MM * ratio ** this.passNo;
    this.passLeftM = (SLAB_LENGTH_M * SLAB_MM) / this.barMm;
    this.phase = 'roughing';
  }

  step(dtS: number): void {
    switch (this.phase) {
      case 'tripped':
        this.rougherSpeed = 0;
        this.exitSpeed = Math.max(0, this.exitSpeed - 60 * dtS);
        break;
      case 'idle':
        this.rougherSpeed = 0;
        this.exitSpeed = 0;
        this.phaseLeftS -= dtS;
        if (this.phaseLeftS <= 0) this.startSlab();
        break;
      case 'roughing': {
        const target = 60 + 100 * (this.passNo / ROUGHING_PASSES); // m/min, faster on thin passes
        this.rougherSpeed = lag(this.rougherSpeed, target, 1.5, dtS);
        this.passLeftM -= (this.rougherSpeed / 60) * dtS;
        if (this.passLeftM <= 0) {
          this.phase = 'reversing';
          this.phaseLeftS = 4;
        }
        break;
      }
      case 'reversing':
        this.rougherSpeed = 0;
        this.phaseLeftS -= dtS;
        if (this.phaseLeftS <= 0) {
          if (this.passNo < ROUGHING_PASSES) this.startPass();
          else {
            this.phase = 'finishing';
            this.passNo = 0;
            this.bandLeftM = (SLAB_LENGTH_M * SLAB_MM) / this.targetMm;
            this.offGauge = 0.04;
            this.exitSpeed = 80;
          }
        }
        break;
      case 'finishing': {
        this.exitSpeed = lag(this.exitSpeed, 240 + 20 * (7 - this.targetMm), 8, dtS);
        this.bandLeftM -= (this.exitSpeed / 60) * dtS;
        if (this.bandLeftM <= 0) {
          this.coilCount += 1;
          this.phase = 'idle';
          this.exitSpeed = 0; // the tail has left F4
          this.phaseLeftS = this.rng.uniform(40, 90);
        }
        break;
      }
    }
    this.offGauge = lag(this.offGauge, 0, 4, dtS);
    this.slabC = lag(
      this.slabC,
      this.phase === 'roughing' || this.phase === 'reversing' ? 470 : this.slabC,
      900,
      dtS,
    );
    this.compute(dtS);
  }

  private compute(dtS: number): void {
    const roughing = this.phase === 'roughing';
    const finishing = this.phase === 'finishing';
    const dhR = Math.max(0.001, this.passFromMm - this.barMm) / 1000;
    const contactR = Math.sqrt(ROUGHER_RADIUS_M * dhR);
    this.rougherForceN = roughing ? 1.15 * HOT_FLOW_MPA * 1e6 * SLAB_WIDTH_M * contactR * 1.1 : 0;
    const rougherKw = roughing
      ? (2 * this.rougherForceN * 0.5 * contactR * (this.rougherSpeed / 60)) / ROUGHER_RADIUS_M / 1000 / 0.93
      : 0;
    // F4 takes the last ~15 % reduction
    const f4In = this.targetMm / 0.85;
    const contactF = Math.sqrt(FINISHER_RADIUS_M * ((f4In - this.targetMm) / 1000));
    const finisherForceN = finishing ? 1.15 * (HOT_FLOW_MPA + 15) * 1e6 * SLAB_WIDTH_M * contactF * 1.15 : 0;
    // four stands: the F4 power times 4 is a fair order of magnitude
    const finisherKw = finishing
      ? (4 * (2 * finisherForceN * 0.45 * contactF * (this.exitSpeed / 60))) / FINISHER_RADIUS_M / 1000 / 0.93
      : 0;
    const motorKw = IDLE_KW + rougherKw + finisherKw;
    const load = Math.min(1.2, (rougherKw + finisherKw) / 12000);
    this.bearingC = lag(this.bearingC, 40 + 30 * load, 600, dtS);
    this.exitC = finishing ? 320 + 15 * this.temp.step() : lag(this.exitC, 30, 30, dtS); // pyrometer sees the run-out table
    const exit = finishing
      ? this.targetMm * (1 + this.offGauge) + this.gauge.step() * 0.01 * this.targetMm
      : 0;
    const state = this.tripped ? STATE_FAULT : this.phase === 'idle' ? STATE_IDLE : STATE_RUNNING;
    this.values = {
      state,
      slab_id: this.slabId,
      coil_count: this.coilCount,
      pass_no: this.phase === 'roughing' || this.phase === 'reversing' ? this.passNo : 0,
      entry_temp: round(this.slabC, 1),
      rougher_thickness: round(this.barMm, 1),
      rougher_speed: round(this.rougherSpeed, 1),
      rougher_force: round(this.rougherForceN / 1000, 0),
      target_thickness: this.targetMm,
      exit_thickness: round(exit, 3),
      exit_speed: round(this.exitSpeed, 1),
      exit_temp: round(this.exitC, 1),
      finisher_force: round(finisherForceN / 1000, 0),
      motor_power: round(motorKw, 0),
      bearing_temp: round(this.bearingC, 2),
    };
    this.draw = {
      electricityKw: motorKw + 400,
      gasNm3PerH: 0,
      waterM3PerH: roughing || finishing ? 60 : 10,
      airNm3PerH: 120,
    };
  }

  read(): Record<string, TTagValue> {
    return this.values;
  }
  utilities(): TUtilityDraw {
    return this.draw;
  }
}
