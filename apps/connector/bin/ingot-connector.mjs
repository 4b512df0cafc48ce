#!/usr/bin/env node
// ingot-connector. From the npm package: the bundle in dist/ (made by `npm run build`, run by prepack).
// Inside the monorepo (sources present): the TypeScript sources through tsx, so a stale dist/ is never used.
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli/entry.ts', import.meta.url);
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(sources.href);
} else {
  await import(new URL('../dist/ingot-connector.mjs', import.meta.url).href);
}
