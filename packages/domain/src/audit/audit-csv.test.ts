import { describe, expect, it } from 'vitest';
import { auditEventsToCsv, csvCell } from './audit-csv.ts';
import type { TAuditEventDto } from './list-audit-events.ts';

const event = (seq: string, over: Partial<TAuditEventDto> = {}): TAuditEventDto => ({
  id: `id-${seq}`,
  seq,
  at: new Date(Date.UTC(2026, 10, 29, 8, 0, Number(seq))),
  actorUserId: 'u-1',
  actorEmail: 'wang.min@example.cn',
  action: 'plant.update',
  targetType: 'plant',
  targetId: 'p-1',
  outcome: 'success',
  requestId: 'r-1',
  sourceIp: '192.0.2.1',
  details: { name: '一号轧机' },
  hash: 'ab'.repeat(32),
  ...over,
});

describe('audit CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes a BOM, a header and one CRLF line per event, oldest first, in UTF-8 Chinese', () => {
    const csv = auditEventsToCsv([event('10'), event('9')]);
    expect(csv.startsWith('\uFEFFseq,at,actor_email,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^9,2026-11-29T08:00:09.000Z,wang.min@example.cn,u-1,plant.update,plant,p-1,success,/,
    );
    expect(lines[1]).toContain('"{""name"":""一号轧机""}"');
    expect(lines[2]?.startsWith('10,')).toBe(true);
    expect(lines[3]).toBe('');
  });
});
