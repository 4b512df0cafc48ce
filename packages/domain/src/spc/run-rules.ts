import type { TSpcPoint, TSpcRule } from './spc-types.ts';

/** One rule violation: the rule and the 0-based indices (into the series) of the points that complete it. */
export interface TRuleHit {
  rule: TSpcRule;
  indices: number[];
}

/**
 * Western Electric (WE1–WE4) and Nelson (N1–N8) run rules. Zones use each point's own centre line and standard
 * error (`point.sigma`), so they work with the per-point limits of p and u charts. What a rule flags is the point
 * that completes the pattern, as Minitab and the AIAG manual mark them:
 * - WE1 / N1: a point beyond a control limit (strictly; the limit drawn, so a 0-clamped LCL is honoured).
 * - WE2 / N5: 2 of 3 consecutive points beyond 2σ on the same side; flags the third point of the window when it is
 *   itself one of those beyond 2σ (so a point inside the zone is never flagged). At the start of a chart the
 *   window is the points there are (the first two points beyond 2σ already signal).
 * - WE3 / N6: 4 of 5 consecutive points beyond 1σ on the same side; same flagging.
 * - WE4: 8 consecutive points on the same side of the centre line; N2: 9. Flags the 8th (9th) point and each
 *   further point while the run lasts. A point exactly on the centre line breaks the run.
 * - N3: 6 points in a row steadily increasing or decreasing (5 strict steps); flags the 6th onwards; ties break it.
 * - N4: 14 points in a row alternating up and down (13 alternating steps); flags the 14th onwards.
 * - N7: 15 points in a row within 1σ of the centre line (either side); flags the 15th onwards.
 * - N8: 8 points in a row beyond 1σ on either side (none within 1σ); flags the 8th onwards.
 * Excluded points (left out of phase I) still take part, as they are still plotted.
 */
export function evaluateRules(points: readonly TSpcPoint[], rules: readonly TSpcRule[]): TRuleHit[] {
  const z = points.map((p) => (p.sigma > 0 ? (p.value - p.center) / p.sigma : 0));
  const side = points.map((p) => Math.sign(p.value - p.center));
  const hits: TRuleHit[] = [];
  for (const rule of rules) {
    const indices = RULES[rule](points, z, side);
    if (indices.length > 0) hits.push({ rule, indices });
  }
  return hits;
}

type TRuleFn = (points: readonly TSpcPoint[], z: readonly number[], side: readonly number[]) => number[];

function beyondLimits(points: readonly TSpcPoint[]): number[] {
  return points.filter((p) => p.value > p.ucl || p.value < p.lcl).map((p) => p.index);
}

/** `count` of `window` consecutive points beyond `k`σ on one side, the last of them among them. */
function kOfWindow(count: number, window: number, k: number): TRuleFn {
  return (points, z) => {
    const out: number[] = [];
    for (let i = 0; i < points.length; i++) {
      for (const s of [1, -1]) {
        if (s * (z[i] as number) <= k) continue;
        let n = 0;
        for (let j = Math.max(0, i - window + 1); j <= i; j++) if (s * (z[j] as number) > k) n++;
        if (n >= count) {
          out.push((points[i] as TSpcPoint).index);
          break;
        }
      }
    }
    return out;
  };
}

/** Flags each point that ends a run of at least `length` points satisfying `extends(i)` pairwise or pointwise. */
function runs(
  length: number,
  belongs: (i: number) => boolean,
  continues: (i: number) => boolean = () => true,
): TRuleFn {
  return (points) => {
    const out: number[] = [];
    let run = 0;
    for (let i = 0; i < points.length; i++) {
      if (!belongs(i)) run = 0;
      else if (run > 0 && continues(i)) run++;
      else run = 1;
      if (run >= length) out.push((points[i] as TSpcPoint).index);
    }
    return out;
  };
}

function sameSide(length: number): TRuleFn {
  return (points, z, side) =>
    runs(
      length,
      (i) => side[i] !== 0,
      (i) => side[i] === side[i - 1],
    )(points, z, side);
}

function trend(points: readonly TSpcPoint[]): number[] {
  const out: number[] = [];
  let up = 0;
  let down = 0;
  for (let i = 1; i < points.length; i++) {
    const d = (points[i] as TSpcPoint).value - (points[i - 1] as TSpcPoint).value;
    up = d > 0 ? up + 1 : 0;
    down = d < 0 ? down + 1 : 0;
    if (up >= 5 || down >= 5) out.push((points[i] as TSpcPoint).index);
  }
  return out;
}

function alternating(points: readonly TSpcPoint[]): number[] {
  const out: number[] = [];
  let steps = 0;
  let last = 0;
  for (let i = 1; i < points.length; i++) {
    const d = Math.sign((points[i] as TSpcPoint).value - (points[i - 1] as TSpcPoint).value);
    if (d === 0) steps = 0;
    else if (steps > 0 && d === -last) steps++;
    else steps = 1;
    last = d;
    if (steps >= 13) out.push((points[i] as TSpcPoint).index);
  }
  return out;
}

const RULES: Record<TSpcRule, TRuleFn> = {
  WE1: beyondLimits,
  WE2: kOfWindow(2, 3, 2),
  WE3: kOfWindow(4, 5, 1),
  WE4: sameSide(8),
  N1: beyondLimits,
  N2: sameSide(9),
  N3: trend,
  N4: alternating,
  N5: kOfWindow(2, 3, 2),
  N6: kOfWindow(4, 5, 1),
  N7: (points, z, side) => runs(15, (i) => Math.abs(z[i] as number) < 1)(points, z, side),
  N8: (points, z, side) => runs(8, (i) => Math.abs(z[i] as number) > 1)(points, z, side),
};

/** What each rule says, for messages and the portal's legend (English; the portal has its own translations). */
export const RULE_DESCRIPTIONS: Record<TSpcRule, string> = {
  WE1: 'a point beyond a 3-sigma control limit',
  WE2: '2 of 3 consecutive points beyond 2 sigma on one side',
  WE3: '4 of 5 consecutive points beyond 1 sigma on one side',
  WE4: '8 consecutive points on one side of the centre line',
  N1: 'a point beyond a 3-sigma control limit',
  N2: '9 points in a row on one side of the centre line',
  N3: '6 points in a row steadily increasing or decreasing',
  N4: '14 points in a row alternating up and down',
  N5: '2 of 3 points in a row beyond 2 sigma on one side',
  N6: '4 of 5 points in a row beyond 1 sigma on one side',
  N7: '15 points in a row within 1 sigma of the centre line',
  N8: '8 points in a row beyond 1 sigma on either side',
};
