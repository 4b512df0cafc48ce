#!/usr/bin/env node
// ingot-connector: runs the bundled build (dist/, made by `npm run build`, always present in the npm pack
// output) or, inside the monorepo, the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/ingot-connector.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/entry.ts', import.meta.url).href);
}
