import type { TShiftDefinition } from '@ingot/contracts';

const toMinutes = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The shift whose local wall-clock span contains `minuteOfDay` (0..1439): [start, end), crossing midnight when
 * end ≤ start (22:00–06:00), the same convention as the telemetry store's shift calendar. Null outside every shift.
 */
export function shiftOfMinute(shifts: readonly TShiftDefinition[], minuteOfDay: number): string | null {
  for (const s of shifts) {
    const start = toMinutes(s.start);
    const end = toMinutes(s.end);
    const inside =
      end > start ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
    if (inside) return s.code;
  }
  return null;
}
