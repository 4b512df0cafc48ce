/**
 * Writes Mosquitto's password and ACL files from the connector registry (the same rules as aedes and EMQX):
 *
 *   DATABASE_OWNER_URL=... INGEST_MQTT_PASSWORD=... \
 *     tsx services/ingest/bin/mosquitto-auth-files.ts --dir .ingot/mosquitto [--passwords FILE] [--service-username ingot-ingest]
 *
 * --passwords: `username:password` lines for connectors whose plaintext is known (Mosquitto cannot check the
 * stored scrypt hashes; the portal shows a password once, so whoever installs a connector for a Mosquitto-backed
 * deployment puts it here). Revoked connectors get neither a password nor an ACL. Prints the shared-subscription
 * group ingest must use (derived from INGEST_MQTT_PASSWORD). Files are written atomically (mode 0600); run
 * infra/local/mosquitto.sh afterwards to reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '@ingot/db';
import {
  buildMosquittoAuthFiles,
  connectorIdentityOf,
  credentialLookupFromDb,
  shareGroupFor,
} from '../src/broker-auth/index.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    passwords: { type: 'string' },
    'service-username': { type: 'string', default: 'ingot-ingest' },
  },
});
const ownerUrl = process.env.DATABASE_OWNER_URL;
const servicePassword = process.env.INGEST_MQTT_PASSWORD;
if (!values.dir) throw new Error('--dir is required (where passwd and acl go)');
if (!ownerUrl) throw new Error('DATABASE_OWNER_URL is required (the connector list crosses tenants)');
if (!servicePassword || servicePassword.length < 16)
  throw new Error('INGEST_MQTT_PASSWORD (16+ characters) is required');

const known = new Map<string, string>();
if (values.passwords) {
  for (const [i, line] of fs.readFileSync(values.passwords, 'utf8').split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const at = line.indexOf(':');
    if (at <= 0) throw new Error(`${values.passwords}:${i + 1}: expected username:password`);
    known.set(line.slice(0, at), line.slice(at + 1));
  }
}

const db = createDb({ kind: 'postgres', url: ownerUrl, poolMax: 2 });
try {
  const lookup = credentialLookupFromDb(db);
  const usernames = await db.prisma.$queryRaw<
    Array<{ username: string }>
  >`SELECT username FROM connector ORDER BY username`;
  const connectors = [];
  for (const { username } of usernames) {
    const c = await lookup(username);
    if (!c) continue;
    connectors.push({
      identity: connectorIdentityOf(username, c),
      revoked: c.revoked || !c.passwordHash,
      password: known.get(username),
    });
  }
  const shareGroup = shareGroupFor(servicePassword);
  const files = buildMosquittoAuthFiles(
    connectors,
    [{ username: values['service-username'], password: servicePassword }],
    {
      shareGroup,
    },
  );
  fs.mkdirSync(values.dir, { recursive: true });
  for (const [name, text] of [
    ['passwd', files.passwd],
    ['acl', files.acl],
  ] as const) {
    const target = path.join(values.dir, name);
    fs.writeFileSync(`${target}.tmp`, text, { mode: 0o600 });
    fs.renameSync(`${target}.tmp`, target);
  }
  console.log(
    JSON.stringify({
      connectors: connectors.length,
      withoutPassword: files.withoutPassword,
      shareGroup,
      dir: values.dir,
    }),
  );
} finally {
  await db.close();
}
