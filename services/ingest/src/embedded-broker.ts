import { type AddressInfo, createServer, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { BrokerAuth } from './broker-auth/broker-auth.ts';
import type { TBrokerIdentity, TConnectorIdentity } from './broker-auth/identity.ts';
import type { Logger } from './logger.ts';

/**
 * Handles an authorized connector publish before the broker acknowledges it. aedes writes the publisher's PUBACK
 * right after authorizePublish (lib/handlers/publish.js), so awaiting the ingest here means the connector's
 * PUBACK — and with it the deletion from its spool — comes only after the insert has committed.
 * Resolve to acknowledge (stored, or dead-lettered with its reason); reject to refuse (the connection closes
 * unacknowledged and the connector sends the message again after reconnecting).
 */
export type TConnectorPublishHandler = (
  identity: TConnectorIdentity,
  topic: string,
  payload: Buffer,
) => Promise<void>;

export interface TEmbeddedBrokerOptions {
  auth: BrokerAuth;
  log: Logger;
  /** Loopback by default; port 0 picks a free one. */
  host?: string;
  port?: number;
  onConnectorPublish?: TConnectorPublishHandler;
}

export interface TEmbeddedBroker {
  readonly aedes: Aedes;
  readonly url: string;
  readonly port: number;
  /** Identity of a connected client (tests, admin). */
  identityOf(client: Client): TBrokerIdentity | undefined;
  close(): Promise<void>;
}

function authError(message: string, returnCode: 4 | 5): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

/**
 * The in-process MQTT broker of `npm start` (aedes 1.2: MQTT 3.1.1 only, no shared subscriptions), with the
 * platform's hooks: authenticate, authorizePublish and authorizeSubscribe all go through BrokerAuth, exactly
 * like EMQX's HTTP hooks and Mosquitto's generated files. Nothing is ever retained or forwarded to a client that
 * did not pass authorizeSubscribe.
 */
export async function startEmbeddedBroker(opts: TEmbeddedBrokerOptions): Promise<TEmbeddedBroker> {
  const identities = new WeakMap<Client, TBrokerIdentity>();
  const rawClientIds = new WeakMap<Client, string>();
  const { auth, log } = opts;

  const aedes = await Aedes.createBroker({
    id: 'ingot-embedded',
    heartbeatInterval: 60_000,
    connectTimeout: 10_000,
    drainTimeout: 30_000,
    maxTopicLevels: 16,
    preConnect(client, packet, cb) {
      rawClientIds.set(client, packet.clientId ?? '');
      cb(null, true);
    },
    authenticate(client, username, password, done) {
      const clientId = rawClientIds.get(client) ?? '';
      auth
        .authenticate(username, password, { broker: 'aedes', clientId })
        .then((r) => {
          if (!r.ok) return done(authError(r.reason, r.returnCode), false);
          identities.set(client, r.identity);
          done(null, true);
        })
        .catch((e: Error) => done(authError(`authentication failed: ${e.message}`, 5), false));
    },
    authorizePublish(client, packet, cb) {
      const identity = client ? identities.get(client) : undefined;
      if (!client || !identity) {
        auth.denied(
          'publish',
          'no authenticated session',
          { broker: 'aedes', clientId: client?.id },
          { topic: packet.topic },
        );
        return cb(new Error('not authenticated'));
      }
      const payloadBytes =
        typeof packet.payload === 'string' ? Buffer.byteLength(packet.payload) : packet.payload.length;
      const d = auth.authorizePublish(
        identity,
        { topic: packet.topic, qos: packet.qos, retain: packet.retain, payloadBytes },
        { broker: 'aedes', clientId: client.id },
      );
      if (!d.allow) return cb(new Error(d.reason));
      if (identity.kind !== 'connector' || !opts.onConnectorPublish) return cb(null);
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      opts.onConnectorPublish(identity, packet.topic, payload).then(
        () => cb(null),
        (e: Error) => {
          log.warn('ingest failed; closing the connection unacknowledged', {
            clientId: client.id,
            error: e.message,
          });
          cb(e);
        },
      );
    },
    authorizeSubscribe(client, sub, cb) {
      const identity = identities.get(client);
      if (!identity) {
        auth.denied(
          'subscribe',
          'no authenticated session',
          { broker: 'aedes', clientId: client.id },
          { topic: sub.topic },
        );
        return cb(null, null);
      }
      const d = auth.authorizeSubscribe(identity, sub.topic, sub.qos, {
        broker: 'aedes',
        clientId: client.id,
      });
      // A negated subscription answers SUBACK 0x80 (failure) and keeps the connection.
      cb(null, d.allow ? sub : null);
    },
    authorizeForward(client, packet) {
      // Defence in depth: deliver only what this client's identity may subscribe to, never `$SYS`.
      const identity = identities.get(client);
      if (!identity || packet.topic.startsWith('$')) return null;
      if (identity.kind === 'connector') {
        const d = auth.authorizeSubscribe(identity, packet.topic, 0, {
          broker: 'aedes',
          clientId: client.id,
        });
        return d.allow ? packet : null;
      }
      return packet;
    },
  });
  aedes.on('clientError', (client, err) => {
    log.warn('mqtt client error', { clientId: client?.id ?? null, error: err.message });
  });
  aedes.on('connectionError', (client, err) => {
    log.warn('mqtt connection error', { clientId: client?.id ?? null, error: err.message });
  });

  const server: Server = createServer(aedes.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  log.info('embedded MQTT broker listening', { host: address, port });

  return {
    aedes,
    port,
    url: `mqtt://${address}:${port}`,
    identityOf: (c) => identities.get(c),
    async close() {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
