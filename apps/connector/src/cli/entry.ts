import { ConfigError } from '../config/load-config.ts';
import { main, USAGE, UsageError } from './cli.ts';

/** Process entry: exit codes 0 ok, 1 runtime error, 2 bad usage or configuration. */
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ConfigError) {
      process.stderr.write(`invalid configuration ${e.message}\n`);
      process.exit(2);
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`ingot-connector: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
