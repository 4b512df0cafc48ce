/**
 * EMQX 5's HTTP authn/authz contract (request bodies as EMQX's templates render them: every placeholder a string),
 * answered from real PostgreSQL through app_connector_credentials. No EMQX binary exists on this machine: the
 * tests hold the hooks to the documented contract (status 200, application/json, result allow|deny,
 * is_superuser false) — a mock of EMQX at the boundary, named so.
 */
import { commandTopic, telemetryTopic } from '@ingot/contracts';
import type { TestDatabase } from '@ingot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.ts';
import { addConnector, openSeededDatabase, type TTestConnector } from '../test-support/fixtures.ts';
import { addressOf, INGEST_SHARE_GROUP } from './acl.ts';
import { BrokerAuth } from './broker-auth.ts';
import { credentialLookupFromDb } from './credential-lookup.ts';
import { emqxAuthenticate, emqxAuthorizer, emqxSecretMatches, type TEmqxAuthorizer } from './emqx-http.ts';

const SERVICE = { username: 'ingot-ingest-0', password: 'emqx-service-password-0123' };

describe('EMQX 5 HTTP hooks contract (EMQX itself mocked by its documented request bodies)', () => {
  let database: TestDatabase;
  let auth: BrokerAuth;
  let authz: TEmqxAuthorizer;
  const log = memoryLogger();
  let a: TTestConnector;
  let j: TTestConnector;
  let revoked: TTestConnector;

  beforeAll(async () => {
    database = await openSeededDatabase();
    const plant = async (slug: string) =>
      (
        await database.ownerQuery<{ code: string }>(
          'SELECT p.code FROM plant p JOIN tenant t ON t.id = p.tenant_id WHERE t.slug = $1 ORDER BY p.code LIMIT 1',
          [slug],
        )
      )[0]?.code as string;
    a = await addConnector(database, 'east-china-al', await plant('east-china-al'), 'edge-a');
    j = await addConnector(database, 'jiangnan-copper', await plant('jiangnan-copper'), 'edge-j');
    revoked = await addConnector(database, 'east-china-al', await plant('east-china-al'), 'edge-r', {
      revoked: true,
    });
    const lookup = credentialLookupFromDb(database.db);
    auth = new BrokerAuth({ lookup, services: [SERVICE], log });
    authz = emqxAuthorizer(auth, lookup, [SERVICE.username]);
  });
  afterAll(async () => {
    await database?.close();
  });

  const authnBody = (c: TTestConnector, over: Record<string, string> = {}) => ({
    clientid: c.identity.username,
    username: c.identity.username,
    password: c.password,
    ...over,
  });
  const authzBody = (
    username: string,
    action: string,
    topic: string,
    qos = '1',
    retain = 'false',
    clientid = username,
  ) => ({
    clientid,
    username,
    action,
    topic,
    qos,
    retain,
  });
  const ALLOW_N = { status: 200, body: { result: 'allow', is_superuser: false } };
  const DENY_N = { status: 200, body: { result: 'deny', is_superuser: false } };
  const ALLOW_Z = { status: 200, body: { result: 'allow' } };
  const DENY_Z = { status: 200, body: { result: 'deny' } };

  it('authn: the current password of an active connector is allowed, never as superuser', async () => {
    expect(await emqxAuthenticate(auth, authnBody(a))).toEqual(ALLOW_N);
    expect(await emqxAuthenticate(auth, { clientid: SERVICE.username, ...SERVICE })).toEqual(ALLOW_N);
  });

  it.each([
    ['wrong password', () => authnBody(a, { password: 'nope' }), 'wrong password'],
    [
      'unknown user',
      () => authnBody(a, { username: 'east-china-al.ghost', clientid: 'east-china-al.ghost' }),
      'unknown user',
    ],
    ['revoked connector', () => authnBody(revoked), 'connector revoked'],
    ['empty client id', () => authnBody(a, { clientid: '' }), 'empty client id'],
    [
      "another connector's client id",
      () => authnBody(a, { clientid: j.identity.username }),
      'client id must equal the username',
    ],
    [
      'EMQX placeholder left unrendered',
      () => ({ clientid: 'x', username: `$${'{username}'}`, password: `$${'{password}'}` }),
      'unknown user',
    ],
    ['no body fields', () => ({}), 'empty client id'],
  ])('authn: %s is denied explicitly (status 200, result deny) and logged', async (_n, body, reason) => {
    const before = log.lines.length;
    expect(await emqxAuthenticate(auth, body())).toEqual(DENY_N);
    expect(log.lines.slice(before).find((l) => l.event === 'mqtt.denied')?.reason).toBe(reason);
  });

  it('authz: a connector publishes under its own prefix and subscribes to its own command topic', async () => {
    const u = a.identity.username;
    expect(await authz.authorize(authzBody(u, 'publish', telemetryTopic(addressOf(a.identity))))).toEqual(
      ALLOW_Z,
    );
    expect(await authz.authorize(authzBody(u, 'subscribe', commandTopic(addressOf(a.identity))))).toEqual(
      ALLOW_Z,
    );
  });

  it('authz: the service identity joins the shared subscription and nothing else', async () => {
    const f = `$share/${INGEST_SHARE_GROUP}/ingot/v1/+/+/+/telemetry`;
    expect(await authz.authorize(authzBody(SERVICE.username, 'subscribe', f))).toEqual(ALLOW_Z);
    expect(await authz.authorize(authzBody(SERVICE.username, 'subscribe', '#'))).toEqual(DENY_Z);
  });

  it.each([
    [
      "publish to another tenant's topic",
      () => authzBody(a.identity.username, 'publish', telemetryTopic(addressOf(j.identity))),
      /another tenant/,
    ],
    [
      'retained publish',
      () => authzBody(a.identity.username, 'publish', telemetryTopic(addressOf(a.identity)), '1', 'true'),
      /retained/,
    ],
    [
      'QoS 2 publish',
      () => authzBody(a.identity.username, 'publish', telemetryTopic(addressOf(a.identity)), '2'),
      /QoS 2/,
    ],
    ['subscribe #', () => authzBody(a.identity.username, 'subscribe', '#'), /wildcard/],
    ['subscribe $SYS/#', () => authzBody(a.identity.username, 'subscribe', '$SYS/#'), /\$SYS/],
    [
      "subscribe another connector's cmd",
      () => authzBody(a.identity.username, 'subscribe', commandTopic(addressOf(j.identity))),
      /another connector/,
    ],
    [
      'revoked connector',
      () => authzBody(revoked.identity.username, 'publish', telemetryTopic(addressOf(revoked.identity))),
      /no active connector/,
    ],
    [
      'unknown action',
      () => authzBody(a.identity.username, 'all', telemetryTopic(addressOf(a.identity))),
      /unknown action/,
    ],
    [
      'client id not the username',
      () =>
        authzBody(
          a.identity.username,
          'publish',
          telemetryTopic(addressOf(a.identity)),
          '1',
          'false',
          'other',
        ),
      /client id/,
    ],
  ])('authz: %s is denied and counted for that username', async (_n, body, reason) => {
    const b = body() as { username: string };
    const before = auth.denialCount(b.username);
    expect(await authz.authorize(b)).toEqual(DENY_Z);
    expect(auth.denialCount(b.username)).toBe(before + 1);
    expect(log.lines.at(-1)?.reason).toMatch(reason);
  });

  it('the hook secret is compared exactly', () => {
    expect(emqxSecretMatches('Bearer s3cret-s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret-s3cret')).toBe(true);
    expect(emqxSecretMatches('Bearer s3cret-s3cret-s3cret-s3creT', 's3cret-s3cret-s3cret-s3cret')).toBe(
      false,
    );
    expect(emqxSecretMatches(null, 's3cret-s3cret-s3cret-s3cret')).toBe(false);
  });
});
