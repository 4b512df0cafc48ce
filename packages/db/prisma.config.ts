import { defineConfig } from 'prisma/config';

// The CLI runs on our WASM schema-engine shim (bin/schema-engine.mjs); scripts set PRISMA_SCHEMA_ENGINE_BINARY.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // The owner/migrator role: the app role (DATABASE_URL) owns nothing and cannot migrate.
    url: process.env.DATABASE_OWNER_URL ?? 'postgresql://localhost/ingot',
  },
});
