import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * One test layout for every package: unit tests (`*.test.ts`, no services) and integration tests
 * (`*.integration.test.ts`, real services from infra/local). The root config runs every package's
 * projects in one process (one summary); each package's own config runs just that package.
 */
export function unitProject(dir: string, name = 'unit'): TestProjectInlineConfiguration {
  return {
    test: {
      name,
      root: dir,
      include: ['src/**/*.test.ts', 'bin/**/*.test.ts'],
      exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
    },
  };
}

export function integrationProject(dir: string, name = 'integration'): TestProjectInlineConfiguration {
  return {
    test: {
      name,
      root: dir,
      include: ['src/**/*.integration.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 180_000,
    },
  };
}

/** A package's own vitest.config.ts: `export default packageTestConfig(import.meta.dirname)`. */
export function packageTestConfig(dir: string) {
  return defineConfig({
    // Integration files share servers and databases: one file at a time.
    test: { projects: [unitProject(dir), integrationProject(dir)], fileParallelism: false },
  });
}

export const workspaceName = (dir: string) => path.basename(dir);
