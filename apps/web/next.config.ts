import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages export TypeScript source; Next compiles them with the app.
  transpilePackages: [
    '@ingot/api',
    '@ingot/auth',
    '@ingot/contracts',
    '@ingot/db',
    '@ingot/domain',
    '@ingot/ingest',
    '@ingot/telemetry',
    '@ingot/ui',
    '@ingot/workflows',
  ],
  // Native, WASM and gRPC dependencies stay plain Node requires at run time.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/client',
    '@prisma/adapter-pg',
    '@prisma/driver-adapter-utils',
    'pg',
    '@temporalio/client',
    '@temporalio/common',
    '@grpc/grpc-js',
    'chdb',
    '@clickhouse/client',
    'aedes',
    'mqtt',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
