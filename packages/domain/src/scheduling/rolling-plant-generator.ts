import type { Job, Machine, Operation, SchedulingInstance, SetupMatrix, TimeWindow } from './model.ts';
import { createPrng, type Prng } from './prng.ts';

/**
 * Seeded generator of aluminium flat-rolling plant instances (time unit: minutes, t = 0 is Monday 06:00).
 *
 * 15 machines: DC casting line, twin-roll caster, homogenising pit furnace (batch), hot mill, three cold
 * mills (CRM-3 narrower and slower), foil mill, three annealing furnaces (batch, by weight, recipe
 * compatibility), two slitters, a tension-levelling/cut-to-length line and packing. Routings:
 *
 * - strip (3003-H14, 3104-H19, 1060-H24): casting → homogenising → hot rolling → cold rolling →
 *   intermediate anneal → cold rolling → slitting → packing (40 % start from hot band in stock, i.e. at
 *   the first cold rolling);
 * - sheet (5052-H32, 5083-H111): casting → homogenising → hot rolling → cold rolling → cold rolling →
 *   stabilising anneal → tension levelling → packing;
 * - foil (8011-O, 1235-O): twin-roll casting → cold rolling → intermediate anneal → foil roughing →
 *   foil finishing → slitting → final foil anneal → packing.
 *
 * Figures and where they come from (source ids of /work/shared/domain/*.json):
 * - coil weight ≤ 21 t (equipment.json cold_rolling_mill "max coil weight", aist-nela); strip coils 8–20 t.
 * - cold mill rate: 85 000 t/y (aist-nela) ≈ 9.7 t/h calendar average (derived) → 6.2 min/t per rolling
 *   operation; CRM-3 modelled on the 1400 mm LMDI/CFHI mills (ezt-china-cold): ≤ 1400 mm, 1.6× slower.
 * - hot mill: integrated capacity 400 000 t/y (tpt-maaden) ≈ 45.7 t/h (derived) → 1.3 min/t + handling.
 * - twin-roll caster: ≤ 10 000 t/y per caster (vbhf-caster) ≈ 1.14 t/h (derived) → 53 min/t.
 * - foil mill: 25 000 t/y for three mills (primetals-shenhuo) ≈ 0.95 t/h per mill (derived) → 63 min/t
 *   split 60/40 over roughing and finishing.
 * - homogenising 480–530 °C for 6–36 h (process-rules.json heat-homogenise, csklinok-homog): 10 h for
 *   1xxx/3xxx, 20 h for 5xxx here; pit furnace capacity 100 t is an assumption (ingot ≤ 32.5 t, tpt-maaden).
 * - annealing furnace batch capacity 40 t (equipment.json annealing_furnace, docs360-nela-furnace);
 *   O-anneal 360 °C (1xxx, 5xxx) / 400–425 °C (3xxx) for 20 min at temperature (anneal-O-softening,
 *   smithells) — the 10 h cycle including heating and cooling is an assumption; stabilising 250 °C
 *   (anneal-stabilise, smithells), 6 h cycle assumed; final foil anneal 3–5 days including 5–6 h of
 *   empty-furnace cooling before each charge (pulito-foil-furnace): 3 days here, and the 5.5 h cooling is
 *   the foil furnace's setup between any two runs (process-rules.json chg-foil-furnace).
 * - slitter ≤ 1650 mm wide, 0.3–6.35 mm (yumpu-alro-salico).
 * - setups: wide-to-narrow within a campaign (seq-coffin / seq-wide-to-narrow, tf-coffin; for aluminium
 *   an analogy, as the source notes): stepping up in width costs a roll change, stepping down little.
 *   Alloy-change times on casters and roll-change times of aluminium mills were NOT found
 *   (process-rules.json chg-roll-change not_found, seq-alloy-contamination NOT SOURCED): the minutes
 *   below are labelled assumptions.
 * - calendars: finishing lines (slitters, levelling, packing) work two shifts (06:00–22:00) Monday to
 *   Saturday; mills and casters have weekly planned maintenance; furnaces run continuously (assumptions).
 */
export interface RollingPlantOptions {
  orders: number;
  seed: number;
  /**
   * Due-date tightness in (0, 1]: the share of the estimated plan length by which the due dates are
   * spread (smaller = tighter). Default 1: the best dispatch rule leaves roughly a tenth of the orders late.
   */
  dueDateSpread?: number;
}

const DAY = 1440;
const WEEK = 7 * DAY;
const HORIZON_DAYS = 120;

interface Alloy {
  id: string;
  series: string;
  product: 'strip' | 'sheet' | 'foil';
  temper: string;
}

const ALLOYS: Alloy[] = [
  { id: '3003', series: '3xxx', product: 'strip', temper: 'H14' },
  { id: '3104', series: '3xxx', product: 'strip', temper: 'H19' },
  { id: '1060', series: '1xxx', product: 'strip', temper: 'H24' },
  { id: '5052', series: '5xxx', product: 'sheet', temper: 'H32' },
  { id: '5083', series: '5xxx', product: 'sheet', temper: 'H111' },
  { id: '8011', series: '8xxx', product: 'foil', temper: 'O' },
  { id: '1235', series: '1xxx', product: 'foil', temper: 'O' },
];
const WIDTHS = [1000, 1250, 1400, 1650, 1850, 2000];
const SERIES = ['1xxx', '3xxx', '5xxx', '8xxx'];

function matrix(families: string[], cost: (from: string, to: string) => number): SetupMatrix {
  const times: Record<string, Record<string, number>> = {};
  for (const a of families) {
    const row: Record<string, number> = {};
    for (const b of families) {
      const v = cost(a, b);
      if (v !== 0 || a === b) row[b] = v;
    }
    times[a] = row;
  }
  return { times };
}

function parseFamily(f: string): { series: string; width: number; gauge: string } {
  const [, series = '', w = '0', gauge = ''] = f.split(':');
  return { series, width: Number(w), gauge };
}

/** Weekly maintenance windows of `hours` on `weekday` (0 = Monday) starting at `hour` (from 06:00). */
function weekly(weekday: number, hour: number, hours: number, offsetWeeks = 0): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let w = offsetWeeks; w * WEEK < HORIZON_DAYS * DAY; w++) {
    const start = w * WEEK + weekday * DAY + hour * 60;
    out.push({ start, end: start + hours * 60 });
  }
  return out;
}

/** Two shifts 06:00–22:00 Monday–Saturday: down 22:00–06:00 and all Sunday. */
function twoShifts(): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let d = 0; d < HORIZON_DAYS; d++) {
    const dayStart = d * DAY;
    if (d % 7 === 5) {
      // Saturday 22:00 to Monday 06:00
      out.push({ start: dayStart + 16 * 60, end: dayStart + 2 * DAY });
      d++;
      continue;
    }
    out.push({ start: dayStart + 16 * 60, end: dayStart + DAY });
  }
  return out;
}

function buildMachines(): Machine[] {
  const millFamilies: string[] = [];
  for (const s of SERIES)
    for (const w of WIDTHS) for (const g of ['g1', 'g2', 'g3']) millFamilies.push(`CRM:${s}:${w}:${g}`);
  const hotFamilies: string[] = [];
  for (const s of SERIES) for (const w of WIDTHS) hotFamilies.push(`HRM:${s}:${w}`);
  const castFamilies = ALLOYS.filter((a) => a.product !== 'foil').map((a) => `CAST:${a.series}:${a.id}`);
  const slitFamilies = WIDTHS.map((w) => `SLIT:x:${w}`);
  const foilFamilies = ['FOIL:8xxx:8011', 'FOIL:1xxx:1235'];

  // Assumed minutes (see header): width step-up = roll change; alloy-series change = cleaning/flush.
  const millCost = (a: string, b: string) => {
    const x = parseFamily(a);
    const y = parseFamily(b);
    let c = 0;
    if (y.width > x.width) c += 25;
    else if (y.width < x.width) c += 5;
    if (x.series !== y.series) c += 10;
    if (x.gauge !== y.gauge) c += 10;
    return c;
  };
  const hotCost = (a: string, b: string) => {
    const x = parseFamily(a);
    const y = parseFamily(b);
    let c = 0;
    if (y.width > x.width) c += 30;
    else if (y.width < x.width) c += 5;
    if (x.series !== y.series) c += 15;
    return c;
  };
  const castCost = (a: string, b: string) => {
    if (a === b) return 0;
    const x = parseFamily(a);
    const y = parseFamily(b);
    if (x.series === y.series) return 45;
    return x.series === '5xxx' ? 180 : 120;
  };
  const slitCost = (a: string, b: string) => (a === b ? 0 : 30);
  // batch machines' setup matrices are keyed by recipe
  const annealRecipes = ['O-360', 'O-415', 'STAB-250', 'FOIL-FINAL'];
  return [
    {
      id: 'CAST-1',
      name: 'DC casting line',
      setup: matrix(castFamilies, castCost),
      downtimes: weekly(6, 0, 12),
    },
    { id: 'TRC-1', name: 'Twin-roll caster', downtimes: weekly(2, 8, 8) },
    {
      id: 'HOMO-1',
      name: 'Homogenising pit furnace',
      batch: { capacity: 100 },
      setup: matrix(['1xxx', '3xxx', '5xxx'], (a, b) => (a === b ? 0 : 90)),
    },
    { id: 'HRM-1', name: 'Hot mill 1+4', setup: matrix(hotFamilies, hotCost), downtimes: weekly(5, 2, 8) },
    {
      id: 'CRM-1',
      name: 'Cold mill 1 (6-high, 2200 mm)',
      setup: matrix(millFamilies, millCost),
      downtimes: weekly(1, 0, 6),
    },
    {
      id: 'CRM-2',
      name: 'Cold mill 2 (6-high, 2200 mm)',
      setup: matrix(millFamilies, millCost),
      downtimes: weekly(3, 0, 6),
    },
    {
      id: 'CRM-3',
      name: 'Cold mill 3 (4-high, 1400 mm)',
      setup: matrix(millFamilies, millCost),
      downtimes: weekly(4, 8, 6),
    },
    {
      id: 'FOIL-1',
      name: 'Foil mill',
      setup: matrix(foilFamilies, (a, b) => (a === b ? 0 : 30)),
      downtimes: weekly(0, 8, 6, 1),
    },
    {
      id: 'ANN-1',
      name: 'Coil annealing furnace 1',
      batch: { capacity: 40 },
      setup: matrix(annealRecipes, (a, b) => (a === b ? 0 : 60)),
    },
    {
      id: 'ANN-2',
      name: 'Coil annealing furnace 2',
      batch: { capacity: 40 },
      setup: matrix(annealRecipes, (a, b) => (a === b ? 0 : 60)),
    },
    {
      id: 'ANN-3',
      name: 'Foil box annealing furnace',
      batch: { capacity: 40 },
      // 5-6 h of empty-furnace cooling before every charge (chg-foil-furnace, pulito-foil-furnace)
      setup: matrix(annealRecipes, () => 330),
    },
    {
      id: 'SLIT-1',
      name: 'Slitter 1 (1650 mm)',
      setup: matrix(slitFamilies, slitCost),
      downtimes: twoShifts(),
    },
    {
      id: 'SLIT-2',
      name: 'Slitter 2 (thin gauge / foil)',
      setup: matrix(slitFamilies, slitCost),
      downtimes: twoShifts(),
    },
    {
      id: 'TLL-1',
      name: 'Tension levelling / cut to length',
      setup: matrix(slitFamilies, slitCost),
      downtimes: twoShifts(),
    },
    { id: 'PACK-1', name: 'Packing', downtimes: twoShifts() },
  ];
}

const round5 = (x: number) => Math.max(5, Math.round(x / 5) * 5);

function pick<T>(rng: Prng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

export function generateRollingPlant(options: RollingPlantOptions): SchedulingInstance {
  const rng = createPrng(options.seed * 7919 + options.orders);
  const machines = buildMachines();
  const jobs: (Job & { operations: Operation[] })[] = [];
  const spread = options.dueDateSpread ?? 1;

  for (let i = 0; i < options.orders; i++) {
    const r = rng.next();
    const alloy =
      r < 0.55
        ? pick(rng, ALLOYS.slice(0, 3))
        : r < 0.85
          ? pick(rng, ALLOYS.slice(3, 5))
          : pick(rng, ALLOYS.slice(5));
    const id = `SO-${String(i + 1).padStart(4, '0')}`;
    const ops: Operation[] = [];
    let k = 0;
    const op = (o: Omit<Operation, 'id'>) => ops.push({ id: `${id}/${++k}`, ...o });
    const mill = (weight: number, width: number, gauge: string, slower = 1.6) => {
      const t = round5(15 + weight * 6.2);
      const options = [
        { machineId: 'CRM-1', duration: t },
        { machineId: 'CRM-2', duration: t },
      ];
      if (width <= 1400) options.push({ machineId: 'CRM-3', duration: round5(t * slower) });
      op({ options, family: `CRM:${alloy.series}:${width}:${gauge}` });
    };
    let weight: number;
    let width: number;
    if (alloy.product === 'foil') {
      weight = 2 + rng.int(5); // 2-6 t foil coils
      width = pick(rng, [1000, 1250, 1400]);
      op({ options: [{ machineId: 'TRC-1', duration: round5(weight * 53) }] });
      mill(weight, width, 'g1');
      op({
        options: [
          { machineId: 'ANN-1', duration: 600 },
          { machineId: 'ANN-2', duration: 600 },
        ],
        batch: { recipe: 'O-360', load: weight },
      });
      const foil = weight * 63;
      op({
        options: [{ machineId: 'FOIL-1', duration: round5(foil * 0.6) }],
        family: `FOIL:${alloy.series}:${alloy.id}`,
      });
      op({
        options: [{ machineId: 'FOIL-1', duration: round5(foil * 0.4) }],
        family: `FOIL:${alloy.series}:${alloy.id}`,
      });
      op({
        options: [{ machineId: 'SLIT-2', duration: round5(30 + weight * 3) }],
        family: `SLIT:x:${width}`,
      });
      op({
        options: [
          { machineId: 'ANN-3', duration: 3 * DAY },
          { machineId: 'ANN-2', duration: 3 * DAY + 120 },
        ],
        batch: { recipe: 'FOIL-FINAL', load: weight },
      });
    } else {
      weight = alloy.product === 'strip' ? 8 + rng.int(13) : 6 + rng.int(7);
      width = pick(rng, WIDTHS);
      const fromHotBand = alloy.product === 'strip' && rng.next() < 0.4;
      if (!fromHotBand) {
        op({
          options: [{ machineId: 'CAST-1', duration: round5(20 + weight * 2) }],
          family: `CAST:${alloy.series}:${alloy.id}`,
        });
        op({
          options: [{ machineId: 'HOMO-1', duration: alloy.series === '5xxx' ? 1200 : 600 }],
          batch: { recipe: alloy.series, load: weight },
        });
        op({
          options: [{ machineId: 'HRM-1', duration: round5(10 + weight * 1.3) }],
          family: `HRM:${alloy.series}:${width}`,
        });
      }
      if (alloy.product === 'strip') {
        const recipe = alloy.series === '3xxx' ? 'O-415' : 'O-360';
        mill(weight, width, 'g3');
        op({
          options: [
            { machineId: 'ANN-1', duration: 600 },
            { machineId: 'ANN-2', duration: 600 },
          ],
          batch: { recipe, load: weight },
        });
        mill(weight, width, pick(rng, ['g1', 'g2']));
        const slit = [{ machineId: 'SLIT-2', duration: round5(40 + weight * 2) }];
        if (width <= 1650) slit.unshift({ machineId: 'SLIT-1', duration: round5(25 + weight * 1.5) });
        op({ options: slit, family: `SLIT:x:${width}` });
      } else {
        mill(weight, width, 'g3');
        mill(weight, width, 'g2');
        op({
          options: [
            { machineId: 'ANN-1', duration: 360 },
            { machineId: 'ANN-2', duration: 360 },
          ],
          batch: { recipe: 'STAB-250', load: weight },
        });
        op({
          options: [{ machineId: 'TLL-1', duration: round5(30 + weight * 3) }],
          family: `SLIT:x:${width}`,
        });
      }
    }
    op({ options: [{ machineId: 'PACK-1', duration: round5(15 + weight) }] });

    const wr = rng.next();
    jobs.push({ id, operations: ops, weight: wr < 0.6 ? 1 : wr < 0.9 ? 2 : 4 });
  }
  // Plan length estimate: the most loaded machine (work split evenly over alternatives; a batch
  // operation loads its furnace by its share of the capacity; two-shift lines are available 57 %).
  const load = new Map<string, number>();
  const byId = new Map(machines.map((m) => [m.id, m]));
  for (const job of jobs) {
    for (const o of job.operations) {
      for (const x of o.options) {
        const m = byId.get(x.machineId) as Machine;
        const share = m.batch ? (o.batch?.load ?? 0) / m.batch.capacity : 1;
        const availability = m.downtimes && m.downtimes.length > 30 ? 16 / 28 : 1;
        load.set(m.id, (load.get(m.id) ?? 0) + (x.duration * share) / o.options.length / availability);
      }
    }
  }
  const planLength = Math.max(3 * DAY, ...load.values());
  for (const job of jobs) {
    const release = Math.round((rng.next() * 0.15 * planLength) / 60) * 60;
    let work = 0;
    for (const o of job.operations) work += Math.min(...o.options.map((x) => x.duration));
    // flow allowance: 1.5-3x the route's work, plus a share of the plan length
    const due = release + work * (1.5 + 1.5 * rng.next()) + rng.next() * spread * planLength;
    job.releaseDate = release;
    job.dueDate = Math.round(due / 60) * 60;
  }
  return {
    name: `rolling-plant-${options.orders}-seed${options.seed}`,
    machines,
    jobs,
    objective: { weightedTardiness: 1 },
  };
}
