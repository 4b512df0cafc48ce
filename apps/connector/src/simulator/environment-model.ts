import { round } from './cold-mill-model.ts';
import type { TEquipmentModel, TTagDef, TTagValue, TUtilityDraw } from './model-types.ts';
import { NO_DRAW, UNITS } from './model-types.ts';
import { Ar1Noise, createRng, lag, type TRng } from './prng.ts';

/**
 * Workplace environment sensors of one shop: dust (respirable, mg/m³), carbon monoxide (ppm), noise (dB(A))
 * and air temperature. Baselines are assumed typical values for the kind of shop (no shop-floor figures are in
 * shared/domain); noise adds up (in energy) the sources of the shop that are running, and CO rises with the gas
 * burnt by the shop's furnaces.
 */

export interface TEnvironmentSpec {
  plant: string;
  code: string;
  name: string;
  nameEn: string;
  /** Equipment of the same shop whose activity the sensors feel. */
  sources: readonly TEquipmentModel[];
  baseDustMgM3: number;
  baseCoPpm: number;
  baseNoiseDba: number;
  /** Sound level next to a running machine, dB(A). */
  machineNoiseDba: number;
}

export const ENVIRONMENT_TAGS: readonly TTagDef[] = [
  {
    name: 'dust',
    dataType: 'Double',
    description: 'Respirable dust concentration',
    unit: UNITS.mgPerM3,
    range: [0, 20],
  },
  {
    name: 'co',
    dataType: 'Double',
    description: 'Carbon monoxide concentration',
    unit: UNITS.ppm,
    range: [0, 200],
  },
  {
    name: 'noise',
    dataType: 'Double',
    description: 'Sound level (A-weighted, 1 s Leq)',
    unit: UNITS.dBA,
    range: [30, 130],
  },
  {
    name: 'air_temp',
    dataType: 'Double',
    description: 'Shop air temperature',
    unit: UNITS.degC,
    range: [-20, 60],
  },
];

export class EnvironmentModel implements TEquipmentModel {
  readonly kind = 'environment' as const;
  readonly tags = ENVIRONMENT_TAGS;
  readonly periodTicks = 10;
  readonly plant: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  private readonly rng: TRng;
  private readonly dustNoise: Ar1Noise;
  private readonly coNoise: Ar1Noise;
  private readonly dbNoise: Ar1Noise;
  private airC: number;
  private co: number;
  private values: Record<string, TTagValue> = {};

  constructor(
    readonly spec: TEnvironmentSpec,
    seed: number,
  ) {
    this.plant = spec.plant;
    this.code = spec.code;
    this.name = spec.name;
    this.nameEn = spec.nameEn;
    this.rng = createRng(seed, `${spec.plant}/${spec.code}`);
    this.dustNoise = new Ar1Noise(this.rng, 0.25, 0.995);
    this.coNoise = new Ar1Noise(this.rng, 0.6, 0.99);
    this.dbNoise = new Ar1Noise(this.rng, 1.2, 0.8);
    this.airC = 24 + this.rng.uniform(0, 6);
    this.co = spec.baseCoPpm;
    this.step(0);
  }

  step(dtS: number): void {
    let energy = 10 ** (this.spec.baseNoiseDba / 10);
    let activity = 0;
    let gas = 0;
    for (const s of this.spec.sources) {
      const state = s.read().state;
      if (state === 1) {
        energy += 10 ** (this.spec.machineNoiseDba / 10);
        activity += 1;
      }
      gas += s.utilities().gasNm3PerH;
    }
    const noise = 10 * Math.log10(energy) + this.dbNoise.step();
    const dust = Math.max(0.02, this.spec.baseDustMgM3 * (1 + 0.3 * activity) + this.dustNoise.step());
    this.co = lag(this.co, this.spec.baseCoPpm + gas / 150, 300, dtS);
    const co = Math.max(0, this.co + this.coNoise.step());
    this.airC = lag(this.airC, 26 + 2 * activity + gas / 400, 1800, dtS);
    this.values = {
      dust: round(dust, 3),
      co: round(co, 2),
      noise: round(noise, 1),
      air_temp: round(this.airC, 2),
    };
  }

  read(): Record<string, TTagValue> {
    return this.values;
  }
  utilities(): TUtilityDraw {
    return NO_DRAW;
  }
}
