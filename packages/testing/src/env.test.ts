import { describe, expect, it } from 'vitest';
import { parseEnvFile } from './env.ts';

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines as infra/local/up writes them', () => {
    const text = [
      '# Written by infra/local/up. Source with: set -a; . services.env; set +a',
      'DATABASE_URL=postgresql://ingot_app:ingot_app@127.0.0.1:54329/ingot',
      'export TEST_DATABASE_URL="postgresql://a:b@h:1/ingot_test"',
      "QUOTED='x y'",
      '',
      'not a line',
    ].join('\n');
    expect(parseEnvFile(text)).toEqual({
      DATABASE_URL: 'postgresql://ingot_app:ingot_app@127.0.0.1:54329/ingot',
      TEST_DATABASE_URL: 'postgresql://a:b@h:1/ingot_test',
      QUOTED: 'x y',
    });
  });
});
