import { describe, expect, it } from 'vitest';
import { tileIdentity, tileValues } from './key-tags.ts';

const v = (tag: string, value: number | null, text: string | null = null) => ({
  tag,
  value,
  text,
  quality: 'good',
});

describe('live tile values', () => {
  it('shows a cold mill exit thickness, speed and roll force, and its coil', () => {
    const values = [
      v('coil_id', null, 'RC1-000042'),
      v('roll_force', 9800),
      v('state', 1),
      v('strip_speed', 612),
      v('exit_thickness', 0.271),
    ];
    expect(tileValues('cold_mill', values).map((x) => [x.tag, x.unit])).toEqual([
      ['exit_thickness', 'mm'],
      ['strip_speed', 'm/min'],
      ['roll_force', 'kN'],
    ]);
    expect(tileIdentity(values)).toEqual({ tag: 'coil_id', text: 'RC1-000042' });
  });

  it('falls back to the first numeric tags, leaving out state, text and sequence counters', () => {
    const values = [v('a_seq', 5), v('dust', 3.2), v('label', null, 'x'), v('noise', 71), v('state', 0)];
    expect(tileValues('other', values).map((x) => x.tag)).toEqual(['dust', 'noise']);
    expect(tileIdentity(values)).toBeNull();
  });
});
