import { type TConnectorConfigIssue, ZSourcesConfig } from '@ingot/contracts';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export type TConnectorConfigValidation =
  | { ok: true; version: string }
  | { ok: false; issues: TConnectorConfigIssue[] };

/**
 * Validates a connector's YAML as edited in the portal: YAML syntax first (with the line), then the contracts'
 * ZSourcesConfig (the pushable part of the agent's configuration: `batching` and `sources`), each issue naming
 * the key path and its line. An empty text is valid (nothing to push: the agent keeps its local sources).
 */
export function validateConnectorConfig(text: string): TConnectorConfigValidation {
  if (text.trim() === '') return { ok: true, version: '' };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.slice(0, 20).map((e) => ({
        path: '',
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax: ${e.message.split('\n')[0] ?? e.code}`,
      })),
    };
  }
  if (!isMap(doc.contents)) {
    return {
      ok: false,
      issues: [{ path: '', line: 1, message: 'must be a YAML mapping with batching and sources' }],
    };
  }
  const parsed = ZSourcesConfig.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (parsed.success) return { ok: true, version: '' };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, 50).map((issue) => {
      const path = issue.path.map(String);
      return { path: path.join('.'), line: lineOf(doc, lineCounter, path), message: issue.message };
    }),
  };
}

/** Line of the deepest node of `path` present in the document (the key itself when the value is missing). */
function lineOf(doc: ReturnType<typeof parseDocument>, lc: LineCounter, path: string[]): number | null {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(
      path.slice(0, depth).map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      true,
    );
    if (node && (isScalar(node) || typeof node === 'object') && 'range' in (node as object)) {
      const range = (node as { range?: [number, number, number] }).range;
      if (range) return lc.linePos(range[0]).line;
    }
  }
  return null;
}
