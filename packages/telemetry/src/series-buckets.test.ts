import { describe, expect, it } from 'vitest';
import { BUCKET_LADDER_MS, bucketInterval, bucketSource, chooseBucketMs } from './series-buckets.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('chooseBucketMs', () => {
  it('picks the smallest ladder step that keeps the range within the width', () => {
    expect(chooseBucketMs(HOUR, 1000)).toBe(5000);
    expect(chooseBucketMs(DAY, 1000)).toBe(2 * MIN);
    expect(chooseBucketMs(30 * DAY, 1000)).toBe(HOUR);
    expect(chooseBucketMs(90 * DAY, 1000)).toBe(3 * HOUR);
    expect(chooseBucketMs(2 * 365 * DAY, 300)).toBe(3 * DAY);
  });

  it('never yields more buckets than pixels for any span from a minute to two years, whatever the alignment', () => {
    for (const widthPx of [2, 3, 50, 299, 1000, 1920, 4000]) {
      for (let span = MIN; span <= 730 * DAY; span = Math.ceil(span * 1.37)) {
        const b = chooseBucketMs(span, widthPx);
        // Worst case: the range starts just before a bucket boundary.
        const from = b * 1000 - 1;
        const buckets = Math.floor((from + span - 1) / b) - Math.floor(from / b) + 1;
        expect(buckets, `span ${span} width ${widthPx}`).toBeLessThanOrEqual(widthPx);
      }
    }
  });

  it('reads sub-minute buckets from points and the rest from the one-minute rollup', () => {
    expect(bucketSource(30_000)).toBe('points');
    expect(bucketSource(MIN)).toBe('rollup_1m');
    expect(bucketSource(3 * DAY)).toBe('rollup_1m');
  });

  it('maps every ladder step to a whole ClickHouse interval', () => {
    for (const step of BUCKET_LADDER_MS) {
      const { count, unit } = bucketInterval(step);
      const unitMs = { second: 1000, minute: MIN, hour: HOUR, day: DAY }[unit];
      expect(count * unitMs).toBe(step);
    }
  });

  it('rejects a width under two pixels or an empty span', () => {
    expect(() => chooseBucketMs(HOUR, 1)).toThrow(RangeError);
    expect(() => chooseBucketMs(0, 100)).toThrow(RangeError);
  });
});
