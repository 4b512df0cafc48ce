import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FjspFormatError, readFjsp } from './read-fjsp.ts';

const MK01 = path.resolve(import.meta.dirname, '../../../../../shared/bench/fjsp/brandimarte/mk01.txt');

describe('readFjsp', () => {
  it('reads a 1-based file with the average-machines header field', () => {
    const text = '2 3 1.5\n2 1 1 4 2 2 3 3 5\n1 1 3 7\n';
    const { instance, machineBase, machineBaseReason } = readFjsp(text);
    expect(machineBase).toBe(1);
    expect(machineBaseReason).toBe('index = machine count present');
    expect(instance.machines.map((m) => m.id)).toEqual(['M1', 'M2', 'M3']);
    expect(instance.jobs).toHaveLength(2);
    expect(instance.jobs[0]?.operations[1]?.options).toEqual([
      { machineId: 'M2', duration: 3 },
      { machineId: 'M3', duration: 5 },
    ]);
    expect(instance.jobs[1]?.operations[0]?.options).toEqual([{ machineId: 'M3', duration: 7 }]);
  });

  it('detects 0-based numbering from a machine index 0', () => {
    const { instance, machineBase } = readFjsp('1 2\n2 1 0 3 1 1 2\n');
    expect(machineBase).toBe(0);
    expect(instance.machines.map((m) => m.id)).toEqual(['M0', 'M1']);
    expect(instance.jobs[0]?.operations[1]?.options).toEqual([{ machineId: 'M1', duration: 2 }]);
  });

  it('assumes 1-based when neither 0 nor the machine count occurs, and honours an explicit base', () => {
    expect(readFjsp('1 3\n1 1 2 5\n').machineBaseReason).toBe('ambiguous: assumed 1');
    expect(
      readFjsp('1 3\n1 1 2 5\n', { machineBase: 0 }).instance.jobs[0]?.operations[0]?.options[0]?.machineId,
    ).toBe('M2');
  });

  it('accepts a job wrapped over several lines', () => {
    const { instance } = readFjsp('1 2\n3\n1 1 4\n1 2 5\n1 1 6\n');
    expect(instance.jobs[0]?.operations).toHaveLength(3);
  });

  // shared/ sits beside every checkout (CI included): a missing bench folder is a failure, not a skip.
  it('reads Brandimarte mk01 (0-based in shared/bench)', () => {
    const { instance, machineBase } = readFjsp(readFileSync(MK01, 'utf8'));
    expect(machineBase).toBe(0);
    expect(instance.jobs).toHaveLength(10);
    expect(instance.machines).toHaveLength(6);
    expect(instance.jobs[0]?.operations[0]?.options).toEqual([
      { machineId: 'M0', duration: 5 },
      { machineId: 'M2', duration: 4 },
    ]);
  });

  it.each([
    ['2 x\n', 1, 'x'],
    ['1 2\n2 1 1 3\n', 2, undefined],
    ['1 2\n1 1 3 4\n', 2, '3'],
    ['1 2\n1 1 1 0\n', 2, '0'],
    ['1 2\n1 3 1 1 2 1 0 1\n', 2, '3'],
    ['1 2\n1 1 1 4\n7\n', 3, '7'],
    ['1 2\n1 2 1 4 1 5\n', 2, '1'],
    ['1 2\n1 1 1 4.5\n', 2, '4.5'],
  ])('rejects malformed input %j naming line %i', (text, line, token) => {
    let error: unknown;
    try {
      readFjsp(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FjspFormatError);
    const err = error as FjspFormatError;
    expect(err.line).toBe(line);
    expect(err.message).toContain(`line ${line}`);
    if (token !== undefined) {
      expect(err.token).toBe(token);
      expect(err.message).toContain(`"${token}"`);
    }
  });
});
