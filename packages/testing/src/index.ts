// @ingot/testing: real databases for integration tests (PostgreSQL from infra/local, and PGlite).
export {
  type DatabaseSuite,
  describeEachDatabase,
  type TestDatabaseTarget,
  testDatabases,
} from './describe-each-database.ts';
export { parseEnvFile, readTestEnv, servicesEnvPath, type TestDatabaseKind, type TTestEnv } from './env.ts';
export { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './test-database.ts';
