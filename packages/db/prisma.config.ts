import { defineConfig } from 'prisma/config';

// The CLI runs on our WASM schema-engine shim (bin/schema-engine.mjs); scripts set PRISMA_SCHEMA_ENGINE_BINARY.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL ?? 'postgresql://localhost/ingot',
  },
});
