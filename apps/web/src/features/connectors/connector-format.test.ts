import { describe, expect, it } from 'vitest';
import { formatLag, issueText, stateBadge } from './connector-format.ts';

describe('connector formatting', () => {
  it('formats lag by magnitude', () => {
    expect(formatLag(undefined)).toBe('—');
    expect(formatLag(240.4)).toBe('240 ms');
    expect(formatLag(12_340)).toBe('12.3 s');
    expect(formatLag(180_000)).toBe('3 min');
  });
  it('names key path and line of a configuration issue', () => {
    expect(issueText({ path: 'sources.0.endpointUrl', line: 7, message: 'must be a URL' }, 'line')).toBe(
      'sources.0.endpointUrl · line 7: must be a URL',
    );
    expect(issueText({ path: '', line: 3, message: 'YAML syntax: bad' }, '行')).toBe(
      '行 3: YAML syntax: bad',
    );
    expect(issueText({ path: '', line: null, message: 'x' }, 'line')).toBe('x');
  });
  it('colours states', () => {
    expect(stateBadge('online')).toContain('ok');
    expect(stateBadge('revoked')).toContain('error');
    expect(stateBadge('stale')).toContain('warn');
  });
});
