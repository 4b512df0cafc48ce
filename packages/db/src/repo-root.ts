import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The monorepo root: the nearest folder at or above `start` whose package.json declares workspaces. Found from
 * the working directory rather than this file's location, which bundlers (Next.js) move.
 */
export function findRepoRoot(start: string = process.cwd()): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown }).workspaces) return dir;
      } catch {
        // unreadable manifest: keep looking
      }
    }
    if (path.dirname(dir) === dir) return path.resolve(start);
  }
}

/** `<repo>/.ingot/pglite`: the embedded database of `npm start`. */
export function defaultPgliteDir(): string {
  return path.join(findRepoRoot(), '.ingot', 'pglite');
}
