import { defineConfig } from 'vitest/config';

/**
 * One test layout for every package: unit tests (`*.test.ts`, no services) and
 * integration tests (`*.integration.test.ts`, real services from infra/local, one file at a time
 * because they share databases and servers).
 */
export function packageTestConfig() {
  return defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'bin/**/*.test.ts'],
            exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          },
        },
        {
          extends: true,
          test: {
            name: 'integration',
            include: ['src/**/*.integration.test.ts'],
            testTimeout: 60_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  });
}
