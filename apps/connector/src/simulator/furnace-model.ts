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
 * A batch furnace with independently controlled zones running charge after charge: load, heat, soak, cool.
 * Every zone has a set point (`zoneN.sp`) and an actual temperature (`zoneN.pv`) that follows it through the
 * furnace's thermal lag; the metal follows the atmosphere much more slowly.
 * Programs (shared/domain):
 * - coil annealing furnaces AF-1/AF-2: 40 t, 6 zones (equipment.json docs360-nela-furnace); O-temper anneal at
 *   360 °C metal for 1xxx/5xxx or 400-425 °C for 3103/3105 (process-rules anneal-O-softening, smithells);
 * - foil furnace AF-3: 3-5 day cycles (pulito-foil-furnace), de-oiling anneal at 250-300 °C (assumed);
 * - billet homogenising furnace HF-1: 480-530 °C metal, 6-36 h soak (process-rules heat-homogenise, csklinok-homog);
 * - ageing ovens AO-1/AO-2: 175-185 °C for 5-8 h (process-rules heat-T4-T5-T6, profilgruppen-ageing).
 * Times are real plant times; each furnace starts at a seeded point of its cycle so a demo shows every phase.
 */

export interface TFurnaceProgram {
  /** Metal temperature to reach and hold, °C. */
  metalC: readonly [number, number];
  /** Soak time once the metal is at temperature, h. */
  soakH: readonly [number, number];
  /** Atmosphere over-temperature above the metal target while heating, K. */
  overshootK: number;
  /** Atmosphere time constant, s, and metal time constant, s. */
  atmosphereTauS: number;
  metalTauS: number;
  /** Load/unload time between charges, h. */
  loadH: readonly [number, number];
  /** Gas at full firing, Nm³/h. */
  maxGasNm3PerH: number;
}

export interface TFurnaceSpec {
  plant: string;
  code: string;
  name: string;
  nameEn: string;
  zones: number;
  chargePrefix: string;
  program: TFurnaceProgram;
}

export const FURNACE_PHASES = ['loading', 'heating', 'soaking', 'cooling'] as const;

export function furnaceTags(zones: number): TTagDef[] {
  const tags: TTagDef[] = [
    { name: 'state', dataType: 'UInt32', description: 'Furnace state', enumStrings: EQUIPMENT_STATES },
    { name: 'phase', dataType: 'UInt32', description: 'Cycle phase', enumStrings: FURNACE_PHASES },
    { name: 'charge_id', dataType: 'String', description: 'Charge (batch) in the furnace' },
    {
      name: 'metal_temp',
      dataType: 'Double',
      description: 'Metal (load thermocouple) temperature',
      unit: UNITS.degC,
      range: [0, 650],
    },
    {
      name: 'gas_flow',
      dataType: 'Double',
      description: 'Burner gas flow',
      unit: UNITS.m3PerH,
      range: [0, 2000],
    },
  ];
  for (let z = 1; z <= zones; z++) {
    tags.push(
      {
        name: `zone${z}.sp`,
        dataType: 'Double',
        description: `Zone ${z} set point`,
        unit: UNITS.degC,
        range: [0, 650],
      },
      {
        name: `zone${z}.pv`,
        dataType: 'Double',
        description: `Zone ${z} actual temperature`,
        unit: UNITS.degC,
        range: [0, 650],
      },
    );
  }
  return tags;
}

type TPhase = (typeof FURNACE_PHASES)[number];

export class FurnaceModel implements TEquipmentModel {
  readonly kind = 'furnace' as const;
  readonly tags: readonly TTagDef[];
  readonly periodTicks = 10;
  readonly plant: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  private readonly rng: TRng;
  private readonly zoneNoise: Ar1Noise[];
  private readonly zoneBias: number[];
  private phase: TPhase = 'loading';
  private phaseLeftS = 0;
  private tripped = false;
  private chargeNo: number;
  private chargeId = '';
  private targetC = 0;
  private sp = 0;
  private pv: number[];
  private metalC: number;
  private values: Record<string, TTagValue> = {};
  private gas = 0;

  constructor(
    readonly spec: TFurnaceSpec,
    seed: number,
  ) {
    this.plant = spec.plant;
    this.code = spec.code;
    this.name = spec.name;
    this.nameEn = spec.nameEn;
    this.tags = furnaceTags(spec.zones);
    this.rng = createRng(seed, `${spec.plant}/${spec.code}`);
    this.zoneNoise = Array.from({ length: spec.zones }, () => new Ar1Noise(this.rng, 1.2, 0.97));
    this.zoneBias = Array.from({ length: spec.zones }, () => this.rng.uniform(-3, 3));
    this.chargeNo = this.rng.int(100, 899);
    this.newCharge();
    // start somewhere in the cycle: loading, heating (part way), soaking or cooling
    const p = this.rng.pick(FURNACE_PHASES);
    const prog = spec.program;
    const ambient = 30;
    if (p === 'loading') {
      this.phase = 'loading';
      this.phaseLeftS = this.rng.uniform(0.1, 1) * 3600;
      this.sp = ambient;
      this.metalC = ambient;
    } else if (p === 'heating') {
      this.phase = 'heating';
      this.sp = this.targetC + prog.overshootK;
      this.metalC = ambient + (this.targetC - ambient) * this.rng.uniform(0.2, 0.8);
    } else if (p === 'soaking') {
      this.phase = 'soaking';
      this.sp = this.targetC;
      this.metalC = this.targetC - 2;
      this.phaseLeftS = this.rng.uniform(prog.soakH[0], prog.soakH[1]) * 3600 * this.rng.uniform(0.2, 1);
    } else {
      this.phase = 'cooling';
      this.sp = ambient;
      this.metalC = this.targetC * this.rng.uniform(0.6, 0.95);
    }
    this.pv = Array.from({ length: spec.zones }, () =>
      this.phase === 'cooling' ? this.metalC + 20 : this.sp,
    );
    this.compute();
  }

  private newCharge(): void {
    this.chargeNo += 1;
    this.chargeId = `${this.spec.chargePrefix}${String(this.chargeNo).padStart(5, '0')}`;
    const [lo, hi] = this.spec.program.metalC;
    this.targetC = Math.round(this.rng.uniform(lo, hi) / 5) * 5;
  }

  setTripped(tripped: boolean): void {
    this.tripped = tripped;
  }

  step(dtS: number): void {
    const prog = this.spec.program;
    switch (this.phase) {
      case 'loading':
        this.sp = 30;
        this.phaseLeftS -= dtS;
        if (this.phaseLeftS <= 0) {
          this.newCharge();
          this.phase = 'heating';
        }
        break;
      case 'heating':
        this.sp = this.targetC + prog.overshootK;
        if (this.metalC >= this.targetC - 3) {
          this.phase = 'soaking';
          this.phaseLeftS = this.rng.uniform(prog.soakH[0], prog.soakH[1]) * 3600;
        }
        break;
      case 'soaking':
        this.sp = this.targetC;
        this.phaseLeftS -= dtS;
        if (this.phaseLeftS <= 0) this.phase = 'cooling';
        break;
      case 'cooling':
        this.sp = 30;
        if (this.metalC <= 80) {
          this.phase = 'loading';
          this.phaseLeftS = this.rng.uniform(prog.loadH[0], prog.loadH[1]) * 3600;
        }
        break;
    }
    // tripped burners: zones cool towards ambient whatever the set point
    const atmosphereTarget = this.tripped ? 30 : this.sp;
    const coolingTau = prog.atmosphereTauS * 4; // natural cooling is slower than firing
    let mean = 0;
    for (let z = 0; z < this.pv.length; z++) {
      const pv = this.pv[z] ?? 30;
      const tau = atmosphereTarget >= pv ? prog.atmosphereTauS : coolingTau;
      const next = lag(pv, atmosphereTarget, tau, dtS);
      this.pv[z] = next;
      mean += next;
    }
    mean /= this.pv.length;
    this.metalC = lag(
      this.metalC,
      mean,
      this.phase === 'cooling' ? prog.metalTauS * 1.5 : prog.metalTauS,
      dtS,
    );
    // firing rate: proportional to the atmosphere's shortfall plus wall losses
    const firing = this.tripped
      ? 0
      : Math.min(
          1,
          Math.max(0, (this.sp - mean) / 40) +
            (mean > 100 && this.phase !== 'cooling' ? 0.15 * (mean / 500) : 0),
        );
    this.gas = firing * prog.maxGasNm3PerH;
    this.compute();
  }

  private compute(): void {
    const v: Record<string, TTagValue> = {
      state: this.tripped ? STATE_FAULT : this.phase === 'loading' ? STATE_IDLE : STATE_RUNNING,
      phase: FURNACE_PHASES.indexOf(this.phase),
      charge_id: this.chargeId,
      metal_temp: round(this.metalC, 1),
      gas_flow: round(this.gas, 1),
    };
    for (let z = 0; z < this.pv.length; z++) {
      const noise = this.zoneNoise[z]?.step() ?? 0;
      const bias = this.pv[z] !== undefined && (this.pv[z] as number) > 100 ? (this.zoneBias[z] ?? 0) : 0;
      v[`zone${z + 1}.sp`] = round(this.sp, 1);
      v[`zone${z + 1}.pv`] = round((this.pv[z] ?? 30) + bias + noise, 1);
    }
    this.values = v;
  }

  read(): Record<string, TTagValue> {
    return this.values;
  }
  utilities(): TUtilityDraw {
    return {
      electricityKw: this.phase === 'loading' ? 15 : 75, // circulation fans (assumed)
      gasNm3PerH: this.gas,
      waterM3PerH: 0,
      airNm3PerH: 10,
    };
  }
  get currentPhase(): TPhase {
    return this.phase;
  }
}
