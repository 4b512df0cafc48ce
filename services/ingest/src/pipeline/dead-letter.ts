import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export interface TDeadLetter {
  at: string;
  /** Registered connector (from the broker-authenticated identity). */
  connectorId: string;
  tenantId: string;
  username: string;
  topic: string;
  reason: string;
  bytes: number;
  /** The first 2 KiB of the payload as text (for diagnosis). */
  head: string;
}

export interface TDeadLetterSink {
  write(letter: TDeadLetter): void;
}

/** Keeps dead letters in memory (tests and `npm start` without a data directory). */
export function memoryDeadLetterSink(max = 10_000): TDeadLetterSink & { letters: TDeadLetter[] } {
  const letters: TDeadLetter[] = [];
  return {
    letters,
    write(letter) {
      letters.push(letter);
      if (letters.length > max) letters.shift();
    },
  };
}

/** Appends dead letters to `<dir>/dead-letters.jsonl`, rotated to `.1` past maxBytes. */
export function fileDeadLetterSink(dir: string, maxBytes = 64 * 1024 * 1024): TDeadLetterSink {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'dead-letters.jsonl');
  return {
    write(letter) {
      try {
        if (statSync(file).size > maxBytes) renameSync(file, `${file}.1`);
      } catch {
        // no file yet
      }
      appendFileSync(file, `${JSON.stringify(letter)}\n`);
    },
  };
}
