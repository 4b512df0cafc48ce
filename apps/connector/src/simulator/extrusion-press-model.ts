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
 * A direct (forward) aluminium extrusion press, billet after billet.
 * Figures from shared/domain/equipment.json (extrusion_press) and process-rules.json:
 * - EXP-1: 35 MN, billet Φ254 mm x up to 1400 mm (sms-exlabesa35); EXP-2: 55 MN, Φ304.8 mm x up to 1600 mm,
 *   billets heated to 480 °C (foundryplanet-thoeni);
 * - about 30 billets/h and a dead cycle whose every 10 s costs ~8 % output (cnal-extr-econ, chg-extrusion-dead-cycle);
 * - ram speed around 8-10 mm/s for 6063 (lalhojw-extr, yield-extrusion; reliability low).
 * Direct extrusion: the pressure peaks at breakthrough and falls as the billet shortens (container friction).
 * Die change duration is NOT published (process-rules chg-roll-change not_found): 15-25 min assumed.
 */

export interface TExtrusionPressSpec {
  plant: string;
  code: string;
  name: string;
  nameEn: string;
  forceMn: number;
  billetDiameterMm: number;
  billetLengthMm: readonly [number, number];
  billetTempC: number;
  /** Main cylinder pressure at full force, bar (assumed 250 bar hydraulics). */
  maxPressureBar: number;
}

const DIES = ['D6063-1031', 'D6063-2207', 'D6060-0415', 'D6082-3310', 'D6063-0788', 'D6005-1142'] as const;
const BUTT_MM = 30;

export const EXTRUSION_PRESS_TAGS: readonly TTagDef[] = [
  { name: 'state', dataType: 'UInt32', description: 'Press state', enumStrings: EQUIPMENT_STATES },
  { name: 'die_id', dataType: 'String', description: 'Die in the press' },
  { name: 'billet_count', dataType: 'UInt32', description: 'Billets pressed since start' },
  {
    name: 'billet_temp',
    dataType: 'Double',
    description: 'Billet temperature leaving the heater',
    unit: UNITS.degC,
    range: [0, 600],
  },
  {
    name: 'billet_length',
    dataType: 'Double',
    description: 'Length of the billet in the container',
    unit: UNITS.mm,
    range: [0, 2000],
  },
  {
    name: 'ram_position',
    dataType: 'Double',
    description: 'Ram stroke from its back position',
    unit: UNITS.mm,
    range: [0, 2000],
  },
  { name: 'ram_speed', dataType: 'Double', description: 'Ram speed', unit: UNITS.mmPerS, range: [0, 30] },
  {
    name: 'pressure',
    dataType: 'Double',
    description: 'Main cylinder pressure',
    unit: UNITS.bar,
    range: [0, 350],
  },
  { name: 'press_force', dataType: 'Double', description: 'Extrusion force', unit: UNITS.MN, range: [0, 60] },
  {
    name: 'exit_speed',
    dataType: 'Double',
    description: 'Profile exit speed',
    unit: UNITS.mPerMin,
    range: [0, 100],
  },
  {
    name: 'exit_temp',
    dataType: 'Double',
    description: 'Profile temperature at the die exit',
    unit: UNITS.degC,
    range: [0, 650],
  },
  {
    name: 'motor_power',
    dataType: 'Double',
    description: 'Main pump drives',
    unit: UNITS.kW,
    range: [0, 3000],
  },
  {
    name: 'bearing_temp',
    dataType: 'Double',
    description: 'Main pump bearing temperature',
    unit: UNITS.degC,
    range: [0, 150],
  },
];

type TPhase = 'dead_cycle' | 'upset' | 'extruding' | 'die_change' | 'tripped';

export class ExtrusionPressModel implements TEquipmentModel {
  readonly kind = 'extrusion_press' as const;
  readonly tags = EXTRUSION_PRESS_TAGS;
  readonly periodTicks = 1;
  readonly plant: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  private readonly rng: TRng;
  private readonly noise: Ar1Noise;
  private phase: TPhase = 'dead_cycle';
  private phaseLeftS: number;
  private tripped = false;
  private dieId: string;
  private billetsLeftOnDie: number;
  private billetCount = 0;
  private billetC: number;
  private billetLenMm = 0;
  private ramMm = 0;
  private ramSpeed = 0;
  private ramTarget = 9;
  private ratio = 40;
  private pressureBar = 20;
  private exitC = 0;
  private bearingC = 42;
  private values: Record<string, TTagValue> = {};
  private draw: TUtilityDraw = { electricityKw: 0, gasNm3PerH: 0, waterM3PerH: 0, airNm3PerH: 0 };

  constructor(
    readonly spec: TExtrusionPressSpec,
    seed: number,
  ) {
    this.plant = spec.plant;
    this.code = spec.code;
    this.name = spec.name;
    this.nameEn = spec.nameEn;
    this.rng = createRng(seed, `${spec.plant}/${spec.code}`);
    this.noise = new Ar1Noise(this.rng, 1, 0.95);
    this.dieId = this.rng.pick(DIES);
    this.billetsLeftOnDie = this.rng.int(30, 80);
    this.ratio = this.rng.uniform(25, 70);
    this.billetC = spec.billetTempC;
    this.phaseLeftS = this.rng.uniform(2, 20);
    this.compute(0);
  }

  setTripped(tripped: boolean): void {
    if (tripped === this.tripped) return;
    this.tripped = tripped;
    if (tripped) this.phase = 'tripped';
    else {
      this.phase = 'dead_cycle';
      this.phaseLeftS = 60;
    }
  }

  step(dtS: number): void {
    switch (this.phase) {
      case 'tripped':
        this.ramSpeed = 0;
        break;
      case 'die_change':
      case 'dead_cycle':
        this.ramSpeed = 0;
        this.ramMm = lag(this.ramMm, 0, 3, dtS);
        this.phaseLeftS -= dtS;
        if (this.phaseLeftS <= 0) {
          this.phase = 'upset';
          this.phaseLeftS = 3;
          this.billetLenMm = Math.round(
            this.rng.uniform(this.spec.billetLengthMm[0], this.spec.billetLengthMm[1]),
          );
          this.billetC = this.spec.billetTempC + 6 * this.rng.normal();
          this.ramMm = 0;
          this.ramTarget = this.rng.uniform(7.5, 10.5);
        }
        break;
      case 'upset':
        this.phaseLeftS -= dtS;
        this.ramSpeed = 1;
        this.ramMm += this.ramSpeed * dtS;
        if (this.phaseLeftS <= 0) this.phase = 'extruding';
        break;
      case 'extruding':
        this.ramSpeed = lag(this.ramSpeed, this.ramTarget, 2, dtS);
        this.ramMm += this.ramSpeed * dtS;
        if (this.ramMm >= this.billetLenMm - BUTT_MM) {
          this.billetCount += 1;
          this.billetsLeftOnDie -= 1;
          if (this.billetsLeftOnDie <= 0) {
            this.phase = 'die_change';
            this.phaseLeftS = this.rng.uniform(15 * 60, 25 * 60);
            this.dieId = this.rng.pick(DIES.filter((d) => d !== this.dieId));
            this.billetsLeftOnDie = this.rng.int(30, 80);
            this.ratio = this.rng.uniform(25, 70);
          } else {
            this.phase = 'dead_cycle';
            this.phaseLeftS = this.rng.uniform(18, 25);
          }
        }
        break;
    }
    this.compute(dtS);
  }

  private compute(dtS: number): void {
    const maxP = this.spec.maxPressureBar;
    const left = this.billetLenMm > 0 ? Math.max(0, 1 - this.ramMm / this.billetLenMm) : 0;
    let target = 20; // circulation pressure between strokes
    if (this.phase === 'upset') target = 0.9 * maxP;
    else if (this.phase === 'extruding') {
      // friction part proportional to the remaining billet length; hotter billets need less pressure
      target =
        maxP * (0.55 + 0.33 * left) * (1 - (this.billetC - this.spec.billetTempC) * 0.004) +
        3 * this.noise.step();
    }
    this.pressureBar = lag(this.pressureBar, target, this.phase === 'upset' ? 0.8 : 0.4, dtS);
    const forceMn = (this.pressureBar / maxP) * this.spec.forceMn;
    const extruding = this.phase === 'extruding';
    const exitSpeed = extruding ? (this.ramSpeed * this.ratio * 60) / 1000 : 0;
    this.exitC = extruding
      ? lag(this.exitC, this.billetC + 25 + 20 * (1 - left), 5, dtS)
      : lag(this.exitC, 0, 10, dtS);
    // hydraulic power = p Q / efficiency; Q = ram area (force / pressure) x ram speed
    const areaM2 = (this.spec.forceMn * 1e6) / (maxP * 1e5);
    const hydraulicKw = (this.pressureBar * 1e5 * areaM2 * this.ramSpeed) / 1000 / 1000 / 0.8;
    const motorKw = 160 + hydraulicKw;
    this.bearingC = lag(this.bearingC, 42 + 25 * Math.min(1.2, hydraulicKw / 600), 600, dtS);
    const state = this.tripped ? STATE_FAULT : this.phase === 'die_change' ? STATE_IDLE : STATE_RUNNING;
    this.values = {
      state,
      die_id: this.dieId,
      billet_count: this.billetCount,
      billet_temp: round(this.billetC, 1),
      billet_length: this.billetLenMm,
      ram_position: round(this.ramMm, 1),
      ram_speed: round(this.ramSpeed, 2),
      pressure: round(this.pressureBar, 1),
      press_force: round(forceMn, 2),
      exit_speed: round(exitSpeed, 2),
      exit_temp: round(this.exitC, 1),
      motor_power: round(motorKw, 0),
      bearing_temp: round(this.bearingC, 2),
    };
    this.draw = {
      electricityKw: motorKw + 120, // puller, saw, cooling table (assumed)
      gasNm3PerH: this.phase === 'die_change' || this.tripped ? 40 : 150, // billet heater (assumed)
      waterM3PerH: extruding ? 8 : 2,
      airNm3PerH: 90,
    };
  }

  read(): Record<string, TTagValue> {
    return this.values;
  }
  utilities(): TUtilityDraw {
    return this.draw;
  }
}
