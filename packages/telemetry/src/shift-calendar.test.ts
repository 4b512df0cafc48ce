import { describe, expect, it } from 'vitest';
import { shiftInstances, zonedTimeToUtcMs } from './shift-calendar.ts';
import { TelemetryInputError } from './telemetry-store.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const three = [
  { code: 'A', start: '06:00', end: '14:00' },
  { code: 'B', start: '14:00', end: '22:00' },
  { code: 'C', start: '22:00', end: '06:00' },
];

describe('zonedTimeToUtcMs', () => {
  it('converts plant wall-clock times to UTC', () => {
    expect(iso(zonedTimeToUtcMs('Asia/Shanghai', 2026, 11, 29, 6 * 60))).toBe('2026-11-28T22:00:00.000Z');
    expect(iso(zonedTimeToUtcMs('Europe/Berlin', 2026, 7, 1, 0))).toBe('2026-06-30T22:00:00.000Z');
    expect(iso(zonedTimeToUtcMs('Asia/Kolkata', 2026, 1, 1, 0))).toBe('2025-12-31T18:30:00.000Z');
  });

  it('maps a time skipped by the spring jump after it, and a repeated autumn time to its first occurrence', () => {
    // Berlin 2026-03-29 02:30 does not exist (02:00 -> 03:00).
    expect(iso(zonedTimeToUtcMs('Europe/Berlin', 2026, 3, 29, 150))).toBe('2026-03-29T01:30:00.000Z');
    // Berlin 2026-10-25 02:30 happens twice: first at 00:30 UTC (CEST).
    expect(iso(zonedTimeToUtcMs('Europe/Berlin', 2026, 10, 25, 150))).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('shiftInstances', () => {
  it('lists three shifts a day in order, the night shift ending the next morning', () => {
    const list = shiftInstances({
      timeZone: 'Asia/Shanghai',
      fromDay: '2026-11-01',
      toDay: '2026-11-02',
      shifts: three,
    });
    expect(list.map((s) => [s.day, s.code, iso(s.startMs), iso(s.endMs)])).toEqual([
      ['2026-11-01', 'A', '2026-10-31T22:00:00.000Z', '2026-11-01T06:00:00.000Z'],
      ['2026-11-01', 'B', '2026-11-01T06:00:00.000Z', '2026-11-01T14:00:00.000Z'],
      ['2026-11-01', 'C', '2026-11-01T14:00:00.000Z', '2026-11-01T22:00:00.000Z'],
      ['2026-11-02', 'A', '2026-11-01T22:00:00.000Z', '2026-11-02T06:00:00.000Z'],
      ['2026-11-02', 'B', '2026-11-02T06:00:00.000Z', '2026-11-02T14:00:00.000Z'],
      ['2026-11-02', 'C', '2026-11-02T14:00:00.000Z', '2026-11-02T22:00:00.000Z'],
    ]);
  });

  it('gives the night shift its true length across a daylight-saving change', () => {
    const spring = shiftInstances({
      timeZone: 'Europe/Berlin',
      fromDay: '2026-03-28',
      toDay: '2026-03-28',
      shifts: three,
    });
    const night = spring.find((s) => s.code === 'C');
    expect(night && (night.endMs - night.startMs) / 3_600_000).toBe(7);
    const autumn = shiftInstances({
      timeZone: 'Europe/Berlin',
      fromDay: '2026-10-24',
      toDay: '2026-10-24',
      shifts: three,
    });
    const longNight = autumn.find((s) => s.code === 'C');
    expect(longNight && (longNight.endMs - longNight.startMs) / 3_600_000).toBe(9);
  });

  it('treats equal start and end as a 24-hour shift', () => {
    const [day] = shiftInstances({
      timeZone: 'UTC',
      fromDay: '2026-01-05',
      toDay: '2026-01-05',
      shifts: [{ code: 'D', start: '00:00', end: '00:00' }],
    });
    expect(day && day.endMs - day.startMs).toBe(86_400_000);
  });

  it('refuses overlapping shifts, duplicate codes, reversed or overlong ranges and unknown zones', () => {
    const base = { timeZone: 'UTC', fromDay: '2026-01-05', toDay: '2026-01-05', shifts: three };
    const bad: [object, RegExp][] = [
      [
        { shifts: [three[0], { code: 'A', start: '15:00', end: '16:00' }] },
        /^shifts\[1\]\.code: "A" is listed twice/,
      ],
      [
        {
          shifts: [
            { code: 'L', start: '06:00', end: '06:30' },
            { code: 'N', start: '18:00', end: '06:15' },
          ],
          toDay: '2026-01-06',
        },
        /^shifts: L on 2026-01-06 overlaps N on 2026-01-05/,
      ],
      [{ toDay: '2026-01-04' }, /^toDay: is before fromDay/],
      [{ toDay: '2027-06-01' }, /^toDay: spans more than 366 days/],
      [{ timeZone: 'Nowhere/Land' }, /^timeZone: "Nowhere\/Land" is not a known IANA time zone/],
      [{ shifts: [] }, /^shifts: must list at least one shift/],
      [
        { shifts: [{ code: 'A', start: '24:00', end: '06:00' }] },
        /^shifts\[0\]\.start: must be a local time/,
      ],
    ];
    for (const [over, message] of bad) {
      expect(() => shiftInstances({ ...base, ...over })).toThrow(message);
      expect(() => shiftInstances({ ...base, ...over })).toThrow(TelemetryInputError);
    }
  });
});
