import { ColdMillModel } from './cold-mill-model.ts';
import { EnvironmentModel } from './environment-model.ts';
import { ExtrusionPressModel } from './extrusion-press-model.ts';
import { FurnaceModel, type TFurnaceProgram } from './furnace-model.ts';
import { HotMillModel } from './hot-mill-model.ts';
import type { TEquipmentModel } from './model-types.ts';

/**
 * The demo tenant's plants as the simulator models them: tenant `east-china-al`, plants RP (轧制厂, Rolling
 * Plant) and EP (挤压厂, Extrusion Plant), with the equipment codes seeded by
 * packages/domain/src/demo/demo-data.ts. Environment sensor stations (ENV-*) and energy meters are not in the
 * seeded hierarchy: they are named here (see README) and would be seeded as equipment of the same shops.
 */
export const SIMULATED_PLANTS = ['RP', 'EP'] as const;
export type TSimulatedPlant = (typeof SIMULATED_PLANTS)[number];

const ANNEAL_COIL: TFurnaceProgram = {
  metalC: [360, 420], // anneal-O-softening (smithells): 360 °C 1xxx/5xxx, 400-425 °C 3103/3105
  soakH: [1, 3],
  overshootK: 40,
  atmosphereTauS: 1200,
  metalTauS: 3 * 3600, // a 40 t coil charge heats over hours (assumed)
  loadH: [0.5, 1.5],
  maxGasNm3PerH: 450,
};
const ANNEAL_FOIL: TFurnaceProgram = {
  metalC: [250, 300], // de-oiling/final anneal (assumed; pulito-foil-anneal gives no temperature)
  soakH: [24, 48],
  overshootK: 20,
  atmosphereTauS: 1800,
  metalTauS: 12 * 3600, // 3-5 day cycles incl. 5-6 h cooling (pulito-foil-furnace)
  loadH: [5, 6],
  maxGasNm3PerH: 300,
};
const HOMOGENISE: TFurnaceProgram = {
  metalC: [480, 530], // heat-homogenise (csklinok-homog)
  soakH: [6, 12], // 6-36 h published; the short end for 6xxx billets
  overshootK: 30,
  atmosphereTauS: 1500,
  metalTauS: 2.5 * 3600,
  loadH: [0.5, 1],
  maxGasNm3PerH: 600,
};
const AGEING: TFurnaceProgram = {
  metalC: [175, 185], // heat-T4-T5-T6 (profilgruppen-ageing)
  soakH: [5, 8],
  overshootK: 10,
  atmosphereTauS: 600,
  metalTauS: 1800,
  loadH: [0.3, 0.8],
  maxGasNm3PerH: 120,
};

/** Builds every model of the given plants, seeded. Order is stable (it is the publishing order). */
export function buildPlantModels(seed: number, plants: readonly TSimulatedPlant[]): TEquipmentModel[] {
  const models: TEquipmentModel[] = [];
  if (plants.includes('RP')) {
    const cm1 = new ColdMillModel(
      {
        plant: 'RP',
        code: 'CM-1',
        name: '1#六辊冷轧机',
        nameEn: 'Cold rolling mill No.1 (6-high)',
        maxSpeedMPerMin: 800, // "up to 800 m/min" (alcoa-pointhenry); CM-1's own figure is not published
        workRollRadiusM: 0.2, // Φ400 mm (assumed; not_found for modern mills)
        widthMm: [1000, 1900], // max 1900 (aist-nela)
        coilWeightT: [10, 21], // max 21 t (aist-nela)
        passes: [
          [6, 3.2],
          [3.2, 1.7],
          [1.7, 0.9],
          [0.9, 0.5],
          [0.5, 0.27],
        ],
        agcToleranceMm: 0.005,
        coilPrefix: 'RC1',
      },
      seed,
    );
    const cm2 = new ColdMillModel(
      {
        plant: 'RP',
        code: 'CM-2',
        name: '2#四辊不可逆冷轧机',
        nameEn: 'Cold rolling mill No.2 (4-high, non-reversing)',
        maxSpeedMPerMin: 600, // ezt-china-cold
        workRollRadiusM: 0.18, // Φ360 (ezt-china-cold)
        widthMm: [800, 1250], // 1400 mm barrel (ezt-china-cold) less edge margin
        coilWeightT: [5, 10], // assumed
        passes: [
          [4, 2.2],
          [2.2, 1.2],
          [1.2, 0.65],
          [0.65, 0.35],
        ],
        agcToleranceMm: 0.005, // ±0.005 mm (ezt-china-cold)
        coilPrefix: 'RC2',
      },
      seed,
    );
    const fm1 = new ColdMillModel(
      {
        plant: 'RP',
        code: 'FM-1',
        name: '1#铝箔精轧机',
        nameEn: 'Foil finishing mill No.1',
        maxSpeedMPerMin: 2000, // iom3-siemens-foil
        workRollRadiusM: 0.13, // Φ260 mm (assumed; foil-mill rolls are not in equipment.json)
        widthMm: [1200, 1900], // "over 2000 mm" mills exist (iom3-siemens-foil, primetals-shenhuo)
        coilWeightT: [3, 8], // assumed (coil diameter 1.5 m, shengya-foil)
        // from 0.6 mm foil stock (publitec-design) down to 0.006 mm (iom3-siemens-foil); the last pass is
        // rolled doubled, 2 x 0.005-0.006 mm (publitec-design), and is modelled as one foil
        passes: [
          [0.6, 0.3],
          [0.3, 0.15],
          [0.15, 0.07],
          [0.07, 0.035],
          [0.035, 0.018],
          [0.012, 0.006],
        ],
        // closed-gap rolling below 0.1-0.2 mm: thickness held by speed and tension (vbhf-foil); ±0.0005 mm assumed
        agcToleranceMm: 0.0005,
        coilPrefix: 'RF1',
        alloys: ['8011', '1235'], // the foil alloys of alloys.json
        threadSpeedMPerMin: 100,
      },
      seed,
    );
    const hm1 = new HotMillModel(
      'RP',
      'HM-1',
      '1+4 热粗轧/精轧机组',
      'Hot reversing roughing mill + 4-stand tandem finishing mill',
      seed,
    );
    const furnaces = [1, 2].map(
      (n) =>
        new FurnaceModel(
          {
            plant: 'RP',
            code: `AF-${n}`,
            name: `${n}#卷材退火炉`,
            nameEn: `Coil annealing furnace No.${n}`,
            zones: 6, // docs360-nela-furnace: 6 independently controlled zones
            chargePrefix: `A${n}`,
            program: ANNEAL_COIL,
          },
          seed,
        ),
    );
    const af3 = new FurnaceModel(
      {
        plant: 'RP',
        code: 'AF-3',
        name: '3#箔材退火炉',
        nameEn: 'Foil annealing furnace No.3',
        zones: 3,
        chargePrefix: 'A3',
        program: ANNEAL_FOIL,
      },
      seed,
    );
    models.push(cm1, cm2, fm1, hm1, ...furnaces, af3);
    models.push(
      new EnvironmentModel(
        {
          plant: 'RP',
          code: 'ENV-CR',
          name: '冷轧车间环境监测站',
          nameEn: 'Cold Rolling Shop environment station',
          sources: [cm1, cm2],
          baseDustMgM3: 0.4,
          baseCoPpm: 1,
          baseNoiseDba: 72,
          machineNoiseDba: 86,
        },
        seed,
      ),
      new EnvironmentModel(
        {
          plant: 'RP',
          code: 'ENV-HR',
          name: '热轧车间环境监测站',
          nameEn: 'Hot Rolling Shop environment station',
          sources: [hm1],
          baseDustMgM3: 0.8,
          baseCoPpm: 2,
          baseNoiseDba: 75,
          machineNoiseDba: 90,
        },
        seed,
      ),
      new EnvironmentModel(
        {
          plant: 'RP',
          code: 'ENV-HT',
          name: '热处理车间环境监测站',
          nameEn: 'Heat Treatment Shop environment station',
          sources: [...furnaces, af3],
          baseDustMgM3: 0.3,
          baseCoPpm: 3,
          baseNoiseDba: 68,
          machineNoiseDba: 74,
        },
        seed,
      ),
    );
  }
  if (plants.includes('EP')) {
    const exp1 = new ExtrusionPressModel(
      {
        plant: 'EP',
        code: 'EXP-1',
        name: '1# 35MN 挤压机',
        nameEn: 'Extrusion press No.1 (35 MN)',
        forceMn: 35,
        billetDiameterMm: 254,
        billetLengthMm: [900, 1400], // up to 1400 (sms-exlabesa35)
        billetTempC: 480, // foundryplanet-thoeni (EXP-2's figure, used for both)
        maxPressureBar: 250,
      },
      seed,
    );
    const exp2 = new ExtrusionPressModel(
      {
        plant: 'EP',
        code: 'EXP-2',
        name: '2# 55MN 挤压机',
        nameEn: 'Extrusion press No.2 (55 MN)',
        forceMn: 55,
        billetDiameterMm: 304.8,
        billetLengthMm: [1000, 1600], // up to 1600 (foundryplanet-thoeni)
        billetTempC: 480, // foundryplanet-thoeni
        maxPressureBar: 250,
      },
      seed,
    );
    const hf1 = new FurnaceModel(
      {
        plant: 'EP',
        code: 'HF-1',
        name: '1#铸棒均质炉',
        nameEn: 'Billet homogenizing furnace No.1',
        zones: 4,
        chargePrefix: 'H',
        program: HOMOGENISE,
      },
      seed,
    );
    const ovens = [1, 2].map(
      (n) =>
        new FurnaceModel(
          {
            plant: 'EP',
            code: `AO-${n}`,
            name: `${n}#时效炉`,
            nameEn: `Ageing oven No.${n}`,
            zones: 2,
            chargePrefix: `G${n}`,
            program: AGEING,
          },
          seed,
        ),
    );
    models.push(exp1, exp2, hf1, ...ovens);
    models.push(
      new EnvironmentModel(
        {
          plant: 'EP',
          code: 'ENV-EXT',
          name: '挤压车间环境监测站',
          nameEn: 'Extrusion Shop environment station',
          sources: [exp1, exp2],
          baseDustMgM3: 0.5,
          baseCoPpm: 2,
          baseNoiseDba: 74,
          machineNoiseDba: 85,
        },
        seed,
      ),
    );
  }
  return models;
}
