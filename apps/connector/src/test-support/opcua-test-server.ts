import { createServer } from 'node:net';
import path from 'node:path';
import {
  DataType,
  MessageSecurityMode,
  nodesets,
  OPCUACertificateManager,
  OPCUAServer,
  SecurityPolicy,
  StatusCodes,
  Variant,
} from 'node-opcua';

/** A free loopback TCP port (node-opcua needs a concrete port in its endpoint URL). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface TestServerOptions {
  dir: string;
  port?: number;
  /** Offer security mode None (as well as SignAndEncrypt). */
  offerNone?: boolean;
  users?: Record<string, string>;
  allowAnonymous?: boolean;
}

export interface TestServer {
  server: OPCUAServer;
  port: number;
  endpointUrl: string;
  /** The server's own certificate file (to put in the agent's trusted folder). */
  certificateFile: string;
  /** Counter variable ns=1;s=CM1.Seq, incremented by tick(). */
  tick(): number;
  /** Starts ticking every `ms`. */
  run(ms: number): void;
  setpoint(): number;
  stop(): Promise<void>;
}

/**
 * A real node-opcua server for the connector's tests (the plant simulator lives in src/simulator; this is a
 * minimal peer with a sequence counter, a writable set point and a read-only value).
 */
export async function startTestServer(opts: TestServerOptions): Promise<TestServer> {
  const port = opts.port ?? (await freePort());
  const pki = new OPCUACertificateManager({
    rootFolder: path.join(opts.dir, 'server-pki'),
    automaticallyAcceptUnknownCertificate: true,
    disableFileWatchers: true,
  });
  await pki.initialize();
  const users = opts.users ?? {};
  const server = new OPCUAServer({
    port,
    hostname: '127.0.0.1',
    alternateHostname: ['127.0.0.1'],
    serverCertificateManager: pki,
    userCertificateManager: pki,
    securityModes: opts.offerNone
      ? [MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt]
      : [MessageSecurityMode.SignAndEncrypt],
    securityPolicies: opts.offerNone
      ? [SecurityPolicy.None, SecurityPolicy.Basic256Sha256]
      : [SecurityPolicy.Basic256Sha256],
    allowAnonymous: opts.allowAnonymous ?? true,
    userManager: { isValidUser: (u: string, p: string) => users[u] !== undefined && users[u] === p },
    nodeset_filename: [nodesets.standard],
    buildInfo: { productName: 'ingot-connector-test-server' },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  if (!addressSpace) throw new Error('no address space');
  const ns = addressSpace.getOwnNamespace();
  const cm1 = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: 'CM1' });
  let seq = 0;
  let sp = 10;
  const seqVar = ns.addVariable({
    componentOf: cm1,
    browseName: 'Seq',
    nodeId: 's=CM1.Seq',
    dataType: 'Double',
    minimumSamplingInterval: 20,
    value: { dataType: DataType.Double, value: 0 },
  });
  ns.addVariable({
    componentOf: cm1,
    browseName: 'SpeedSp',
    nodeId: 's=CM1.SpeedSp',
    dataType: 'Double',
    minimumSamplingInterval: 20,
    accessLevel: 'CurrentRead | CurrentWrite',
    userAccessLevel: 'CurrentRead | CurrentWrite',
    value: {
      get: () => new Variant({ dataType: DataType.Double, value: sp }),
      set: (v: Variant) => {
        sp = Number(v.value);
        return StatusCodes.Good;
      },
    },
  });
  await server.start();
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    seq += 1;
    seqVar.setValueFromSource(new Variant({ dataType: DataType.Double, value: seq }), undefined, new Date());
    return seq;
  };
  return {
    server,
    port,
    endpointUrl: `opc.tcp://127.0.0.1:${port}`,
    certificateFile: server.certificateFile,
    tick,
    run(ms) {
      if (timer) clearInterval(timer);
      timer = setInterval(tick, ms);
    },
    setpoint: () => sp,
    async stop() {
      if (timer) clearInterval(timer);
      await server.shutdown(0);
      await pki.dispose();
    },
  };
}
