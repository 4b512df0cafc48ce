/** Structured log lines (JSON on stderr by default); tests pass their own sink to assert on what was logged. */
export type TLogFields = Record<string, unknown>;
export interface Logger {
  info(msg: string, fields?: TLogFields): void;
  warn(msg: string, fields?: TLogFields): void;
  error(msg: string, fields?: TLogFields): void;
}

export function jsonLogger(
  component: string,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const out =
    (level: string) =>
    (msg: string, fields: TLogFields = {}) =>
      write(JSON.stringify({ ts: new Date().toISOString(), level, component, msg, ...fields }));
  return { info: out('info'), warn: out('warn'), error: out('error') };
}

/** A logger that keeps its lines (tests). */
export function memoryLogger(): Logger & { lines: Array<{ level: string; msg: string } & TLogFields> } {
  const lines: Array<{ level: string; msg: string } & TLogFields> = [];
  const push =
    (level: string) =>
    (msg: string, fields: TLogFields = {}) => {
      lines.push({ level, msg, ...fields });
    };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}
