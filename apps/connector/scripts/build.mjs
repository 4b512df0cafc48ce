// Bundles the agent into dist/ingot-connector.mjs for `npm pack`: the workspace package @ingot/contracts
// (not published) is inlined; every other bare import stays external and is a dependency in package.json.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'rolldown';

const root = path.dirname(new URL(import.meta.url).pathname);
const pkgDir = path.resolve(root, '..');
rmSync(path.join(pkgDir, 'dist'), { recursive: true, force: true });
await build({
  cwd: pkgDir,
  input: path.join(pkgDir, 'src/cli/entry.ts'),
  platform: 'node',
  external: (id) =>
    !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('@ingot/') && !id.startsWith('\0'),
  output: { file: path.join(pkgDir, 'dist/ingot-connector.mjs'), format: 'esm', codeSplitting: false },
  logLevel: 'warn',
});
console.log('built dist/ingot-connector.mjs');
