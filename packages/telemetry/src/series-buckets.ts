/**
 * How a trend is downsampled to a chart `widthPx` pixels wide.
 *
 * 1. If the range holds at most `widthPx` points, the points themselves are returned (`raw`).
 * 2. Otherwise the bucket is the smallest step of the ladder at least span / (widthPx - 1) wide, so a range
 *    cut into buckets aligned to the step touches at most widthPx of them.
 * 3. Buckets under a minute are computed from the points table; buckets of a minute or more from the
 *    one-minute rollup (whole minutes), which is what keeps a 90-day trend cheap.
 */

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

export const BUCKET_LADDER_MS: readonly number[] = [
  S,
  2 * S,
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  D,
];

/** Buckets of at least this width come from the one-minute rollup. */
export const ROLLUP_BUCKET_MS = M;

export const MIN_WIDTH_PX = 2;
export const MAX_WIDTH_PX = 20_000;

export function chooseBucketMs(spanMs: number, widthPx: number): number {
  if (!(spanMs > 0)) throw new RangeError('span must be positive');
  if (!(widthPx >= MIN_WIDTH_PX)) throw new RangeError(`widthPx must be at least ${MIN_WIDTH_PX}`);
  const ideal = spanMs / (widthPx - 1);
  for (const step of BUCKET_LADDER_MS) if (step >= ideal) return step;
  return Math.ceil(ideal / D) * D;
}

export const bucketSource = (bucketMs: number): 'points' | 'rollup_1m' =>
  bucketMs >= ROLLUP_BUCKET_MS ? 'rollup_1m' : 'points';

/** The ClickHouse interval of a bucket: [count, unit] with unit second, minute, hour or day. */
export function bucketInterval(bucketMs: number): {
  count: number;
  unit: 'second' | 'minute' | 'hour' | 'day';
} {
  if (bucketMs % D === 0) return { count: bucketMs / D, unit: 'day' };
  if (bucketMs % H === 0) return { count: bucketMs / H, unit: 'hour' };
  if (bucketMs % M === 0) return { count: bucketMs / M, unit: 'minute' };
  return { count: Math.ceil(bucketMs / S), unit: 'second' };
}
