import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-users.ts';
import { createEmbeddedIssuer, EMBEDDED_ISSUER } from './embedded-issuer.ts';
import { PORTAL_AUDIENCE } from './identity.ts';

async function issuer() {
  return createEmbeddedIssuer({
    keyDir: await mkdtemp(path.join(tmpdir(), 'ingot-auth-')),
    production: false,
  });
}

describe('embedded issuer', () => {
  it('signs in a demo user and verifies the token back to the identity', async () => {
    const iss = await issuer();
    const token = await iss.signIn('Admin@East-China-Al.demo ', DEMO_PASSWORD);
    expect(token).toBeTypeOf('string');
    const who = await iss.verify(token ?? '');
    expect(who).toEqual({
      subject: 'admin@east-china-al.demo',
      email: 'admin@east-china-al.demo',
      name: '王敏 (Wang Min)',
    });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const iss = await issuer();
    expect(await iss.signIn('admin@east-china-al.demo', 'wrong')).toBeNull();
    expect(await iss.signIn('nobody@example.com', DEMO_PASSWORD)).toBeNull();
  });

  it('rejects expired, tampered and foreign tokens', async () => {
    const iss = await issuer();
    const who = { subject: 's', email: 's@x.cn', name: 'S' };
    await expect(iss.verify(await iss.issue(who, -120))).rejects.toThrow(/expired/);
    const good = await iss.issue(who);
    const [h, p, s] = good.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p ?? '', 'base64url').toString()), sub: 'admin' }),
    );
    await expect(iss.verify(`${h}.${forged.toString('base64url')}.${s}`)).rejects.toThrow(/signature/);
    const { privateKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ email: 's@x.cn', name: 'S' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(EMBEDDED_ISSUER)
      .setAudience(PORTAL_AUDIENCE)
      .setSubject('s')
      .setExpirationTime('1h')
      .sign(privateKey);
    await expect(iss.verify(foreign)).rejects.toThrow(/signature/);
  });

  it('keeps its key across restarts so sessions survive', async () => {
    const keyDir = await mkdtemp(path.join(tmpdir(), 'ingot-auth-'));
    const a = await createEmbeddedIssuer({ keyDir, production: false });
    const token = (await a.signIn('platform@ingot.demo', DEMO_PASSWORD)) ?? '';
    const b = await createEmbeddedIssuer({ keyDir, production: false });
    expect((await b.verify(token)).subject).toBe('platform@ingot.demo');
  });

  it('refuses to run in production mode', async () => {
    await expect(createEmbeddedIssuer({ keyDir: tmpdir(), production: true })).rejects.toThrow(
      /KEYCLOAK_URL/,
    );
  });
});
