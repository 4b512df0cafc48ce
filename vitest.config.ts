import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { integrationProject, unitProject } from './vitest.shared.ts';

// Every workspace with a vitest.config.ts contributes `<name>:unit` and `<name>:integration` projects,
// so `vitest run --project '*:unit'` runs all unit tests in one process with one summary.
const root = import.meta.dirname;
const workspaces = ['apps', 'services', 'packages'].flatMap((group) =>
  readdirSync(path.join(root, group), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, group, d.name, 'vitest.config.ts')))
    .map((d) => path.join(root, group, d.name)),
);

export default defineConfig({
  test: {
    projects: workspaces.flatMap((dir) => [
      unitProject(dir, `${path.basename(dir)}:unit`),
      integrationProject(dir, `${path.basename(dir)}:integration`),
    ]),
  },
});
