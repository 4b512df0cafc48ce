import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TSource } from '@ingot/contracts';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type TConnectorConfig, ZConnectorConfig } from './connector-config.ts';

/** A configuration that failed validation; `problems` are "key.path (line N): what is wrong". */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `${file}: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}\n  - ${problems.join('\n  - ')}`,
    );
  }
}

/** Plain words for zod's generic messages. */
function describe(issue: z.core.$ZodIssue): { path: Array<PropertyKey>; message: string }[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({
      path: [...issue.path, k],
      message: 'unknown key (misspelt, or not allowed here)',
    }));
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return [{ path: issue.path, message: `is required (${issue.expected})` }];
  }
  if (issue.code === 'invalid_type') {
    return [{ path: issue.path, message: issue.message.replace(/^Invalid input: /, '') }];
  }
  return [{ path: issue.path, message: issue.message }];
}

/** Parses and validates YAML text; relative paths are resolved against `baseDir`. */
export function parseConfig(text: string, file = '<config>', baseDir = process.cwd()): TConnectorConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => `YAML syntax (line ${e.linePos?.[0]?.line ?? '?'}): ${e.message.split('\n')[0]}`),
    );
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, ['the file must be a YAML mapping (key: value) at the top level']);
  }
  const r = ZConnectorConfig.safeParse(raw);
  if (!r.success) {
    const problems = r.error.issues.flatMap(describe).map(({ path: p, message }) => {
      const key = p.length === 0 ? '(top level)' : p.map(String).join('.');
      const line = lineOf(doc, p, lineCounter);
      return `${key}${line ? ` (line ${line})` : ''}: ${message}`;
    });
    throw new ConfigError(file, problems);
  }
  return resolvePaths(r.data, baseDir);
}

export function loadConfig(file: string): TConnectorConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`cannot read the file: ${(e as Error).message}`]);
  }
  return parseConfig(text, file, path.dirname(path.resolve(file)));
}

/** The line of the deepest node of `p` that exists in the document. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  p: Array<PropertyKey>,
  lc: LineCounter,
): number | undefined {
  let node: unknown = doc.contents;
  let found: number | undefined;
  for (const key of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(key));
      if (!pair) break;
      const start = (pair.key as { range?: [number, number, number] }).range?.[0];
      if (start !== undefined) found = lc.linePos(start).line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      const start = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
      if (start !== undefined) found = lc.linePos(start).line;
    } else {
      break;
    }
  }
  return found;
}

function resolvePaths(c: TConnectorConfig, baseDir: string): TConnectorConfig {
  const abs = (p: string) => path.resolve(baseDir, p);
  const opt = (p: string | undefined) => (p === undefined ? undefined : abs(p));
  return {
    ...c,
    dataDir: abs(c.dataDir),
    mqtt: {
      ...c.mqtt,
      passwordFile: opt(c.mqtt.passwordFile),
      tls: c.mqtt.tls && {
        ...c.mqtt.tls,
        caFile: opt(c.mqtt.tls.caFile),
        certFile: opt(c.mqtt.tls.certFile),
        keyFile: opt(c.mqtt.tls.keyFile),
      },
    },
    sources: resolveSourcePaths(c.sources, baseDir),
  };
}

/** Makes the file paths inside sources (password and certificate files) absolute against `baseDir`. */
export function resolveSourcePaths(sources: TSource[], baseDir: string): TSource[] {
  const abs = (p: string) => path.resolve(baseDir, p);
  return sources.map((s) => {
    if (s.kind !== 'opcua') return s;
    if (s.auth.type === 'username' && s.auth.passwordFile) {
      return { ...s, auth: { ...s.auth, passwordFile: abs(s.auth.passwordFile) } };
    }
    if (s.auth.type === 'certificate') {
      return {
        ...s,
        auth: {
          ...s.auth,
          certificateFile: abs(s.auth.certificateFile),
          privateKeyFile: abs(s.auth.privateKeyFile),
        },
      };
    }
    return s;
  });
}
