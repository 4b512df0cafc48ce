import type { Db } from '@ingot/db';
import { afterAll, beforeAll, describe } from 'vitest';
import { readTestEnv, type TestDatabaseKind } from './env.ts';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './test-database.ts';

export interface TestDatabaseTarget {
  kind: TestDatabaseKind;
  /** Creates a fresh database of this kind (migrated unless told otherwise). */
  create(options?: TestDatabaseOptions): Promise<TestDatabase>;
}

/**
 * The databases integration suites run against: real PostgreSQL and PGlite (`memory://`), both by default.
 * INGOT_TEST_DATABASES=pglite (or =postgres) narrows it on purpose; nothing is ever skipped for being down.
 */
export function testDatabases(): TestDatabaseTarget[] {
  return readTestEnv().kinds.map((kind) => ({
    kind,
    create: (options) => createTestDatabase(kind, options),
  }));
}

/** What a suite body receives: the database of the current run, valid inside tests and hooks. */
export interface DatabaseSuite {
  readonly kind: TestDatabaseKind;
  /** The fresh, migrated database (throws if read outside a test or hook). */
  readonly database: TestDatabase;
  /** Shorthand for `database.db`: the app-role Db. */
  readonly db: Db;
}

/**
 * `describe.each` over testDatabases(): the same suite runs once per database, each on a fresh database created
 * in beforeAll and dropped in afterAll. A database that cannot be created fails the suite (loudly).
 *
 *   describeEachDatabase('plants', (t) => {
 *     it('hides other tenants', async () => { await withTenant(t.db, ...) });
 *   });
 */
export function describeEachDatabase(
  name: string,
  fn: (suite: DatabaseSuite) => void,
  options: TestDatabaseOptions = {},
): void {
  describe.each(testDatabases())(`${name} [$kind]`, (target) => {
    let database: TestDatabase | undefined;
    const suite: DatabaseSuite = {
      kind: target.kind,
      get database() {
        if (!database)
          throw new Error(`the ${target.kind} test database is not open (use it inside tests/hooks)`);
        return database;
      },
      get db() {
        return suite.database.db;
      },
    };
    beforeAll(async () => {
      database = await target.create(options);
    });
    afterAll(async () => {
      await database?.close();
      database = undefined;
    });
    fn(suite);
  });
}
