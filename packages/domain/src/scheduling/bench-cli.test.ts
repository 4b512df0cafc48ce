import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const mk01 = path.resolve(repoRoot, '../shared/bench/fjsp/brandimarte/mk01.txt');

describe('bench:scheduling CLI', () => {
  // shared/ sits beside every checkout (CI included): a missing bench folder is a failure, not a skip.
  it('prints one `<file> makespan=<n> seconds=<s> gap=<g>%` line per file', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'packages/domain/bench/scheduling.ts',
        '--time-limit',
        '0.3',
        '--seed',
        '3',
        '--best',
        '40',
        mk01,
      ],
      { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const m = /^(\S+) makespan=(\d+) seconds=(\d+\.\d+) gap=(-?\d+\.\d+)%$/.exec(lines[0] ?? '');
    expect(m?.[1]).toBe(mk01);
    const makespan = Number(m?.[2]);
    expect(makespan).toBeGreaterThanOrEqual(40);
    expect(makespan).toBeLessThan(60);
    expect(Number(m?.[4])).toBeCloseTo(((makespan - 40) / 40) * 100, 1);
    expect(run.stderr).toContain('seed=3');
  });
});
