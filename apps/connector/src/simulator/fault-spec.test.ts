import { describe, expect, it } from 'vitest';
import {
  FAULT_KINDS,
  FAULT_SPEC_HELP,
  FaultSpecError,
  formatFaultSpec,
  parseDuration,
  parseFaultSpec,
} from './fault-spec.ts';

describe('parseFaultSpec', () => {
  it('parses every kind with its defaults', () => {
    expect(parseFaultSpec('bearing-drift:CM-1')).toEqual({
      kind: 'bearing-drift',
      equipment: 'CM-1',
      rateCPerMin: 1,
      atS: 0,
    });
    expect(parseFaultSpec('gauge-drift:CM-2')).toEqual({
      kind: 'gauge-drift',
      equipment: 'CM-2',
      rateMmPerMin: 0.002,
      atS: 0,
    });
    expect(parseFaultSpec('stuck-sensor:AF-1/zone3.pv')).toEqual({
      kind: 'stuck-sensor',
      equipment: 'AF-1',
      tag: 'zone3.pv',
      atS: 0,
    });
    expect(parseFaultSpec('trip:EXP-2')).toEqual({ kind: 'trip', equipment: 'EXP-2', atS: 0 });
    expect(parseFaultSpec('server-restart')).toEqual({ kind: 'server-restart', downS: 2, atS: 0 });
  });

  it('takes rates, delays, durations and down times', () => {
    expect(parseFaultSpec('bearing-drift:HM-1,rate=2.5,at=30s,for=10m')).toEqual({
      kind: 'bearing-drift',
      equipment: 'HM-1',
      rateCPerMin: 2.5,
      atS: 30,
      forS: 600,
    });
    expect(parseFaultSpec(' server-restart,down=500ms,at=1h ')).toEqual({
      kind: 'server-restart',
      downS: 0.5,
      atS: 3600,
    });
    expect(parseFaultSpec('gauge-drift:CM-1,rate=-0.01').kind).toBe('gauge-drift');
  });

  it('round-trips through its text form', () => {
    for (const text of [
      'bearing-drift:CM-1,rate=3,at=5s,for=60s',
      'gauge-drift:CM-2,rate=0.004',
      'stuck-sensor:CM-1/exit_thickness,for=20s',
      'trip:EXP-1,at=2s',
      'server-restart,down=3s,at=10s',
    ]) {
      const spec = parseFaultSpec(text);
      expect(parseFaultSpec(formatFaultSpec(spec))).toEqual(spec);
    }
  });

  it('says what is wrong with a bad spec', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['melt-down:CM-1', /unknown fault kind "melt-down".*bearing-drift/],
      ['bearing-drift', /needs a target: bearing-drift:<equipment>/],
      ['stuck-sensor:CM-1', /<equipment>\/<tag>/],
      ['stuck-sensor:CM-1/', /<equipment>\/<tag>/],
      ['bearing-drift:CM-1,rate=fast', /rate must be a number, got "fast"/],
      ['bearing-drift:CM-1,down=2s', /bearing-drift takes no "down"/],
      ['trip:CM-1,at=soon', /at must be a duration/],
      ['trip:CM-1,for=0s', /for must be longer than 0/],
      ['trip:CM-1,at', /"at" in "trip:CM-1,at" must be key=value/],
      ['trip:CM-1,at=1s,at=2s', /"at" is given twice/],
      ['server-restart:CM-1', /server-restart takes no target/],
      ['trip:CM 1', /not an equipment code/],
    ];
    for (const [text, msg] of cases) {
      expect(() => parseFaultSpec(text), text).toThrow(FaultSpecError);
      expect(() => parseFaultSpec(text), text).toThrow(msg);
    }
  });

  it('documents every kind in the CLI help, and the help example parses', () => {
    for (const k of FAULT_KINDS) expect(FAULT_SPEC_HELP).toContain(k);
    const example = /e\.g\. (.*)$/m.exec(FAULT_SPEC_HELP)?.[1] ?? '';
    const specs = example
      .split('--fault ')
      .map((x) => x.trim())
      .filter(Boolean);
    expect(specs).toHaveLength(2);
    for (const x of specs) expect(() => parseFaultSpec(x)).not.toThrow();
  });

  it('parses durations', () => {
    expect(parseDuration('250ms', 'x')).toBe(0.25);
    expect(parseDuration('12', 'x')).toBe(12);
    expect(parseDuration('1.5h', 'x')).toBe(5400);
    expect(() => parseDuration('-1s', 'down')).toThrow(/down must be a duration/);
  });
});
