import { SchedulingInputError, type SchedulingInstance } from './model.ts';

/**
 * Reader for the standard flexible job-shop text format (Brandimarte, Hurink, Dauzère-Pérès/Paulli):
 *
 *     <jobs> <machines> [<average machines per operation>]
 *     per job, one line: <ops>, then per operation <k> followed by k pairs <machine> <time>
 *
 * The classic files number machines from 1; some collections (e.g. the copy in shared/bench/fjsp)
 * from 0. `machineBase: 'auto'` (default) detects it: a machine index 0 means 0-based, an index equal to
 * the machine count means 1-based; if neither occurs the file is read 1-based (the original
 * convention) — the relabelling does not change any schedule's makespan. Machines get ids `M<k>` with
 * k as written in the file; jobs `J1..Jn`, operations `J<j>.<i>` (1-based).
 *
 * A job's tokens may wrap onto following lines; blank lines are skipped. Malformed input throws
 * `FjspFormatError` naming the line and token.
 */
export interface ReadFjspOptions {
  machineBase?: 'auto' | 0 | 1;
  name?: string;
}

export interface FjspReadResult {
  instance: SchedulingInstance;
  machineBase: 0 | 1;
  /** How the base was decided. */
  machineBaseReason: 'given' | 'index 0 present' | 'index = machine count present' | 'ambiguous: assumed 1';
}

export class FjspFormatError extends SchedulingInputError {
  constructor(
    message: string,
    readonly line: number,
    readonly token?: string,
  ) {
    super(`line ${line}${token !== undefined ? `, token "${token}"` : ''}: ${message}`);
    this.name = 'FjspFormatError';
  }
}

interface Token {
  text: string;
  line: number;
}

export function readFjsp(text: string, options: ReadFjspOptions = {}): FjspReadResult {
  const tokens: Token[] = [];
  text.split(/\r?\n/).forEach((content, i) => {
    for (const t of content.trim().split(/\s+/)) if (t !== '') tokens.push({ text: t, line: i + 1 });
  });
  let pos = 0;
  const lastLine = tokens.length > 0 ? (tokens[tokens.length - 1] as Token).line : 1;
  const nextInt = (what: string, min: number): { value: number; token: Token } => {
    const token = tokens[pos++];
    if (token === undefined) throw new FjspFormatError(`unexpected end of file, expected ${what}`, lastLine);
    if (!/^[+-]?\d+$/.test(token.text)) {
      throw new FjspFormatError(`expected an integer (${what})`, token.line, token.text);
    }
    const value = Number(token.text);
    if (value < min) throw new FjspFormatError(`${what} must be >= ${min}`, token.line, token.text);
    return { value, token };
  };

  const header = nextInt('number of jobs', 1);
  const nJobs = header.value;
  const nMachines = nextInt('number of machines', 1).value;
  // An optional third header value (average machines per operation, may be fractional) on the first line.
  const maybeAvg = tokens[pos];
  if (maybeAvg && maybeAvg.line === header.token.line) {
    if (!/^\d+(\.\d+)?$/.test(maybeAvg.text)) {
      throw new FjspFormatError(
        'expected the average number of machines per operation',
        maybeAvg.line,
        maybeAvg.text,
      );
    }
    pos++;
    const extra = tokens[pos];
    if (extra && extra.line === header.token.line) {
      throw new FjspFormatError('unexpected extra token on the header line', extra.line, extra.text);
    }
  }

  interface RawOp {
    pairs: { machine: number; time: number; token: Token }[];
  }
  const rawJobs: RawOp[][] = [];
  let minIndex = Number.POSITIVE_INFINITY;
  let maxIndex = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < nJobs; j++) {
    const nOps = nextInt(`number of operations of job ${j + 1}`, 1).value;
    const ops: RawOp[] = [];
    for (let i = 0; i < nOps; i++) {
      const k = nextInt(`number of machines of job ${j + 1} operation ${i + 1}`, 1).value;
      if (k > nMachines) {
        const t = tokens[pos - 1] as Token;
        throw new FjspFormatError(`operation lists ${k} machines but there are ${nMachines}`, t.line, t.text);
      }
      const pairs: RawOp['pairs'] = [];
      for (let p = 0; p < k; p++) {
        const machine = nextInt(`machine of job ${j + 1} operation ${i + 1}`, 0);
        const time = nextInt(`processing time of job ${j + 1} operation ${i + 1}`, 1);
        if (machine.value > nMachines) {
          throw new FjspFormatError(
            `machine index ${machine.value} exceeds the machine count ${nMachines}`,
            machine.token.line,
            machine.token.text,
          );
        }
        minIndex = Math.min(minIndex, machine.value);
        maxIndex = Math.max(maxIndex, machine.value);
        pairs.push({ machine: machine.value, time: time.value, token: machine.token });
      }
      ops.push({ pairs });
    }
    rawJobs.push(ops);
  }
  const rest = tokens[pos];
  if (rest) throw new FjspFormatError(`unexpected data after ${nJobs} jobs`, rest.line, rest.text);

  let machineBase: 0 | 1;
  let machineBaseReason: FjspReadResult['machineBaseReason'];
  const requested = options.machineBase ?? 'auto';
  if (requested !== 'auto') {
    machineBase = requested;
    machineBaseReason = 'given';
  } else if (minIndex === 0) {
    machineBase = 0;
    machineBaseReason = 'index 0 present';
  } else if (maxIndex === nMachines) {
    machineBase = 1;
    machineBaseReason = 'index = machine count present';
  } else {
    machineBase = 1;
    machineBaseReason = 'ambiguous: assumed 1';
  }
  if (minIndex === 0 && maxIndex === nMachines) {
    throw new FjspFormatError(
      `machine indices span 0..${nMachines}: that is ${nMachines + 1} machines, header says ${nMachines}`,
      header.token.line,
    );
  }
  for (const ops of rawJobs) {
    for (const op of ops) {
      for (const p of op.pairs) {
        const idx = p.machine - machineBase;
        if (idx < 0 || idx >= nMachines) {
          throw new FjspFormatError(
            `machine index ${p.machine} out of range for ${machineBase}-based numbering`,
            p.token.line,
            p.token.text,
          );
        }
      }
    }
  }

  const machineId = (k: number) => `M${k}`;
  const instance: SchedulingInstance = {
    ...(options.name !== undefined ? { name: options.name } : {}),
    machines: Array.from({ length: nMachines }, (_, i) => ({ id: machineId(i + machineBase) })),
    jobs: rawJobs.map((ops, j) => ({
      id: `J${j + 1}`,
      operations: ops.map((op, i) => {
        const seen = new Set<number>();
        return {
          id: `J${j + 1}.${i + 1}`,
          options: op.pairs.map((p) => {
            if (seen.has(p.machine)) {
              throw new FjspFormatError(
                `machine ${p.machine} listed twice for one operation`,
                p.token.line,
                p.token.text,
              );
            }
            seen.add(p.machine);
            return { machineId: machineId(p.machine), duration: p.time };
          }),
        };
      }),
    })),
    objective: { makespan: 1 },
  };
  return { instance, machineBase, machineBaseReason };
}
