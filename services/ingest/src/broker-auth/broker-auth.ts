import { createHash, timingSafeEqual } from 'node:crypto';
import { verifyConnectorPassword } from '@ingot/domain';
import type { Logger } from '../logger.ts';
import { authorizePublish, authorizeSubscribe, type TAclDecision, type TPublishRequest } from './acl.ts';
import { connectorIdentityOf, type TBrokerIdentity, type TCredentialLookup } from './identity.ts';

export type TBrokerKind = 'aedes' | 'emqx' | 'mosquitto' | 'ingest';

export interface TServiceAccount {
  username: string;
  password: string;
}

export interface TBrokerAuthOptions {
  lookup: TCredentialLookup;
  /** The platform's service identities (ingest); their usernames never contain ".", connectors' always do. */
  services?: TServiceAccount[];
  log: Logger;
  /** The ingest replicas' shared-subscription group (default `ingest`). */
  shareGroup?: string;
}

export type TAuthResult =
  | { ok: true; identity: TBrokerIdentity }
  | {
      ok: false;
      reason: string /** MQTT 3.1.1 CONNACK code: 4 bad user/password, 5 not authorized. */;
      returnCode: 4 | 5;
    };

export interface TDenialContext {
  broker: TBrokerKind;
  clientId?: string | undefined;
  username?: string | undefined;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * The one source of truth for who may connect to the MQTT broker and what they may do, used by the embedded
 * aedes broker's hooks, the EMQX HTTP authn/authz endpoints and the Mosquitto file generator. Every denial is
 * logged with its reason and counted per connector (username).
 */
export class BrokerAuth {
  private readonly lookup: TCredentialLookup;
  private readonly services: TServiceAccount[];
  private readonly log: Logger;
  private readonly shareGroup: string | undefined;
  /** Denials per username ("" when none was given), since start. */
  readonly denials = new Map<string, number>();

  constructor(opts: TBrokerAuthOptions) {
    this.lookup = opts.lookup;
    this.services = opts.services ?? [];
    this.log = opts.log;
    this.shareGroup = opts.shareGroup;
    for (const s of this.services) {
      if (s.username.includes('.')) throw new Error(`service username "${s.username}" must not contain "."`);
      if (s.password.length < 16)
        throw new Error(`service "${s.username}" needs a password of at least 16 characters`);
    }
  }

  denialCount(username: string): number {
    return this.denials.get(username) ?? 0;
  }

  /** Records one denial: a log line with the reason and the per-username counter. */
  denied(action: string, reason: string, ctx: TDenialContext, extra: Record<string, unknown> = {}): void {
    const key = ctx.username ?? '';
    const n = (this.denials.get(key) ?? 0) + 1;
    this.denials.set(key, n);
    this.log.warn('mqtt denied', {
      event: 'mqtt.denied',
      broker: ctx.broker,
      action,
      reason,
      username: ctx.username ?? null,
      clientId: ctx.clientId ?? null,
      deniedTotal: n,
      ...extra,
    });
  }

  /**
   * Checks a CONNECT. A connector must give its portal-issued username and current password, and use its
   * username as client id (client ids must be globally unique: a duplicate takes the other session over).
   */
  async authenticate(
    username: string | undefined,
    password: string | Buffer | undefined,
    ctx: TDenialContext & { clientId: string | undefined },
  ): Promise<TAuthResult> {
    const fail = (reason: string, returnCode: 4 | 5): TAuthResult => {
      this.denied('connect', reason, { ...ctx, username });
      return { ok: false, reason, returnCode };
    };
    const pw =
      password === undefined ? '' : typeof password === 'string' ? password : password.toString('utf8');
    if (!ctx.clientId) return fail('empty client id', 5);
    if (!username) return fail('no username', 4);
    const service = this.services.find((s) => s.username === username);
    if (service) {
      const ok = timingSafeEqual(digest(pw), digest(service.password));
      if (!ok) return fail('wrong password', 4);
      if (ctx.clientId !== username) return fail('client id must equal the username', 5);
      return { ok: true, identity: { kind: 'service', username } };
    }
    let creds: Awaited<ReturnType<TCredentialLookup>>;
    try {
      creds = await this.lookup(username);
    } catch (e) {
      this.log.error('credential lookup failed', { username, error: (e as Error).message });
      return fail('credential store unavailable', 5);
    }
    // Verify even for an unknown user or a revoked one, so timing does not tell them apart.
    const matches = await verifyConnectorPassword(pw, creds?.passwordHash ?? null);
    if (!creds) return fail('unknown user', 4);
    if (creds.revoked) return fail('connector revoked', 5);
    if (!creds.passwordHash) return fail('no credentials issued', 5);
    if (!matches) return fail('wrong password', 4);
    if (ctx.clientId !== username) return fail('client id must equal the username', 5);
    return { ok: true, identity: connectorIdentityOf(username, creds) };
  }

  authorizePublish(identity: TBrokerIdentity, req: TPublishRequest, ctx: TDenialContext): TAclDecision {
    const d = authorizePublish(identity, req);
    if (!d.allow)
      this.denied('publish', d.reason, { ...ctx, username: identity.username }, { topic: req.topic });
    return d;
  }

  authorizeSubscribe(
    identity: TBrokerIdentity,
    filter: string,
    qos: number,
    ctx: TDenialContext,
  ): TAclDecision {
    const d = authorizeSubscribe(identity, filter, qos, this.shareGroup);
    if (!d.allow)
      this.denied('subscribe', d.reason, { ...ctx, username: identity.username }, { topic: filter });
    return d;
  }
}
