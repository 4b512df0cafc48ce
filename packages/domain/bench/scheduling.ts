/**
 * Scheduling benchmark (run from the repo root): `npm run bench:scheduling -- [options] [FILE...]`
 *
 * Without files: Brandimarte mk01–mk10 (makespan, best known, gap, seconds, mean gap), then seeded
 * rolling-plant instances (weighted tardiness of the solver vs the best of EDD and the ATC(S) grid).
 * With files: one line per file, `<file> makespan=<n> seconds=<s>` (+ ` gap=<g>%` with --best).
 *
 * Options:
 *   --time-limit N   seconds per instance (default 60)
 *   --quick          5 s per instance (smoke run)
 *   --seed N         solver seed (default 1); printed
 *   --best N         best known makespan for FILE mode; repeat it to give one per file, in file order
 *                    (a single --best with several files applies to the first file only)
 *   --bench-dir DIR  folder of mk01.txt..mk10.txt (default <repo>/../shared/bench/fjsp/brandimarte)
 *   --plant-sizes L  comma-separated order counts of the rolling-plant runs (default 50,150,300)
 *   --only WHAT      fjsp | plant: run one part of the default bench
 *
 * Single-threaded: everything runs on the main thread, one instance after another. Every schedule is
 * checked by the independent feasibility checker first; an infeasible one is reported as an error (exit
 * code 1) and its figures are not printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSchedule } from '../src/scheduling/check-schedule.ts';
import { compileInstance } from '../src/scheduling/compile-instance.ts';
import type { SchedulingInstance } from '../src/scheduling/model.ts';
import { readFjsp } from '../src/scheduling/read-fjsp.ts';
import { generateRollingPlant } from '../src/scheduling/rolling-plant-generator.ts';
import { scheduleByRule, solveSchedule, startingRules } from '../src/scheduling/solve-schedule.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const FALLBACK_BEST: Record<string, number> = {
  mk01: 40,
  mk02: 26,
  mk03: 204,
  mk04: 60,
  mk05: 172,
  mk06: 57,
  mk07: 139,
  mk08: 523,
  mk09: 307,
  mk10: 193,
};

interface Args {
  timeLimit: number;
  seed: number;
  best: number[];
  benchDir: string;
  files: string[];
  plantSizes: number[];
  only?: 'fjsp' | 'plant';
}

function usage(message: string): never {
  console.error(`bench:scheduling: ${message}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    timeLimit: 60,
    seed: 1,
    best: [],
    benchDir: path.join(repoRoot, '..', 'shared', 'bench', 'fjsp', 'brandimarte'),
    files: [],
    plantSizes: [50, 150, 300],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const num = (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) usage(`${a} needs a non-negative number, got "${v}"`);
      return n;
    };
    if (a === '--time-limit') args.timeLimit = num(value());
    else if (a === '--quick') args.timeLimit = 5;
    else if (a === '--seed') args.seed = Math.trunc(num(value()));
    else if (a === '--best') args.best.push(num(value()));
    else if (a === '--bench-dir') args.benchDir = path.resolve(value());
    else if (a === '--plant-sizes')
      args.plantSizes = value()
        .split(',')
        .map((s) => Math.trunc(num(s)));
    else if (a === '--only') {
      const v = value();
      if (v !== 'fjsp' && v !== 'plant') usage('--only takes fjsp or plant');
      args.only = v;
    } else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else args.files.push(a);
  }
  return args;
}

/** Best-known values from the README table next to the instances, else the built-in ones. */
function bestKnown(benchDir: string): Record<string, number> {
  const readme = path.join(benchDir, '..', 'README.md');
  const out = { ...FALLBACK_BEST };
  if (!existsSync(readme)) return out;
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    const m = /^\|\s*(mk\d+)\s*\|[^|]*\|\s*(\d+)\s*\|/.exec(line);
    if (m?.[1] && m[2]) out[m[1]] = Number(m[2]);
  }
  return out;
}

let failures = 0;

function solveChecked(instance: SchedulingInstance, label: string, args: Args) {
  const t0 = performance.now();
  const result = solveSchedule(instance, { timeLimitMs: args.timeLimit * 1000, seed: args.seed });
  const seconds = (performance.now() - t0) / 1000;
  const check = checkSchedule(instance, result.schedule);
  if (!check.feasible) {
    failures++;
    console.error(`ERROR ${label}: infeasible schedule (${check.violations.length} violations)`);
    for (const v of check.violations.slice(0, 5)) console.error(`  ${v.kind}: ${v.message}`);
    return null;
  }
  return { result, check, seconds };
}

function runFiles(args: Args): void {
  console.error(`# seed=${args.seed} time-limit=${args.timeLimit}s`);
  args.files.forEach((file, i) => {
    let instance: SchedulingInstance;
    try {
      instance = readFjsp(readFileSync(file, 'utf8'), { name: path.basename(file) }).instance;
    } catch (e) {
      failures++;
      console.error(`ERROR ${file}: ${(e as Error).message}`);
      return;
    }
    const out = solveChecked(instance, file, args);
    if (!out) return;
    const best = args.best[i];
    const gap =
      best !== undefined && best > 0
        ? ` gap=${(((out.check.metrics.makespan - best) / best) * 100).toFixed(2)}%`
        : '';
    console.log(`${file} makespan=${out.check.metrics.makespan} seconds=${out.seconds.toFixed(2)}${gap}`);
  });
}

function runBrandimarte(args: Args): void {
  const best = bestKnown(args.benchDir);
  console.log(`\nBrandimarte mk01-mk10 (${args.benchDir}), ${args.timeLimit} s per instance, one thread`);
  console.log('instance  jobs x mach  makespan  best  gap%    seconds  best-at-s  iterations');
  const gaps: number[] = [];
  for (let k = 1; k <= 10; k++) {
    const name = `mk${String(k).padStart(2, '0')}`;
    const file = path.join(args.benchDir, `${name}.txt`);
    if (!existsSync(file)) {
      failures++;
      console.error(`ERROR ${name}: ${file} not found`);
      continue;
    }
    const instance = readFjsp(readFileSync(file, 'utf8'), { name }).instance;
    const out = solveChecked(instance, name, args);
    if (!out) continue;
    const bk = best[name] as number;
    const gap = ((out.check.metrics.makespan - bk) / bk) * 100;
    gaps.push(gap);
    console.log(
      `${name.padEnd(9)} ${`${instance.jobs.length} x ${instance.machines.length}`.padEnd(12)} ${String(out.check.metrics.makespan).padStart(8)} ${String(bk).padStart(5)}  ${gap.toFixed(2).padStart(5)}  ${out.seconds.toFixed(1).padStart(8)}  ${(out.result.stats.bestFoundAtMs / 1000).toFixed(1).padStart(9)}  ${out.result.stats.iterations}`,
    );
  }
  const mean = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
  console.log(`mean gap: ${mean.toFixed(2)}% over ${gaps.length} instances (goal <= 1%)`);
}

function runPlant(args: Args): void {
  console.log(
    `\nRolling-plant instances (seed ${args.seed}), weighted tardiness, ${args.timeLimit} s per solve`,
  );
  console.log(
    'orders  ops   best rule (EDD/ATC grid)   rule WT   solver WT  late(rule->solver)  seconds  improvement',
  );
  for (const orders of args.plantSizes) {
    const instance = generateRollingPlant({ orders, seed: args.seed });
    const ci = compileInstance(instance);
    let bestRule: { name: string; wt: number; late: number } | null = null;
    for (const { name, rule } of startingRules(ci)) {
      if (rule.rule !== 'EDD' && rule.rule !== 'ATCS') continue;
      const r = scheduleByRule(instance, rule);
      const check = checkSchedule(instance, r.schedule);
      if (!check.feasible) {
        failures++;
        console.error(`ERROR plant-${orders} ${name}: infeasible rule schedule`);
        continue;
      }
      if (!bestRule || check.metrics.weightedTardiness < bestRule.wt) {
        bestRule = { name, wt: check.metrics.weightedTardiness, late: check.metrics.lateJobs };
      }
    }
    const out = solveChecked(instance, `plant-${orders}`, args);
    if (!out || !bestRule) continue;
    const wt = out.check.metrics.weightedTardiness;
    const improvement = bestRule.wt > 0 ? ((bestRule.wt - wt) / bestRule.wt) * 100 : 0;
    console.log(
      `${String(orders).padEnd(7)} ${String(ci.nOps).padEnd(5)} ${bestRule.name.padEnd(24)} ${String(bestRule.wt).padStart(9)} ${String(wt).padStart(11)}  ${`${bestRule.late}->${out.check.metrics.lateJobs}`.padStart(18)}  ${out.seconds.toFixed(1).padStart(7)}  ${improvement.toFixed(1)}% (goal >= 20%)`,
    );
  }
}

const args = parseArgs(process.argv.slice(2));
if (args.files.length > 0) {
  runFiles(args);
} else {
  console.log(`bench:scheduling seed=${args.seed} time-limit=${args.timeLimit}s`);
  if (args.only !== 'plant') runBrandimarte(args);
  if (args.only !== 'fjsp') runPlant(args);
}
if (failures > 0) process.exitCode = 1;
