import path from 'node:path';
import {
  AccessLevelFlag,
  DataType,
  DataValue,
  type IVariableHistorian,
  MessageSecurityMode,
  makeAccessLevelFlag,
  makeEUInformation,
  nodesets,
  OPCUACertificateManager,
  OPCUAServer,
  type ReadRawModifiedDetails,
  SecurityPolicy,
  StatusCodes,
  type UAEventType,
  type UAObject,
  type UAVariable,
} from 'node-opcua';
import type { TSurfaceDefect, TTagDef, TTagValue } from './model-types.ts';
import type { PlantSimulation, TTickResult } from './plant-simulation.ts';
import type { SequenceHistory } from './sequence-history.ts';

/**
 * The simulator's OPC UA server (node-opcua). Address space (namespace 1, `urn:ingot:plant-simulator`):
 *
 *   Objects/Plants/<plant>/<equipment>/<tag>     node id  ns=1;s=<plant>/<equipment>/<tag>
 *
 * Analog tags are AnalogItemType (EngineeringUnits, EURange: percent deadbands work), `state` and `phase` are
 * MultiStateDiscreteType (EnumStrings), the rest plain BaseDataVariables; all read-only. With sequence tags
 * on, each equipment also has `seq` (UInt32, +1 per equipment update, historizing: HistoryRead returns the
 * sequence numbers of the last `historyCapacity` updates, kept outside the server so they survive a restart).
 * Cold mills raise SurfaceDefectEventType events (ns=1;s=SurfaceDefectEventType) on their object.
 * Every variable has minimumSamplingInterval 0: a monitored item with samplingInterval 0 is told of every
 * update (exception-based), a larger interval samples.
 */

/** The server's application URI; node-opcua names its own namespace (index 1) after it. */
export const APPLICATION_URI = 'urn:ingot:plant-simulator';
export const SIMULATOR_NAMESPACE_URI = APPLICATION_URI;

export type TSecurityMode = 'None' | 'Sign' | 'SignAndEncrypt';

export interface TOpcuaServerOptions {
  port: number;
  /** PKI root folder (own certificate + key, trusted/rejected client certificates). */
  pkiDir: string;
  securityModes: readonly TSecurityMode[];
  allowAnonymous: boolean;
  users: ReadonlyArray<{ username: string; password: string }>;
  /** Trust client certificates the server has never seen (demo/test convenience); else they must be in trusted/. */
  autoAcceptClientCertificates: boolean;
  sequenceTags: boolean;
}

export function nodeIdOf(plant: string, equipment: string, tag?: string): string {
  return `ns=1;s=${plant}/${equipment}${tag === undefined ? '' : `/${tag}`}`;
}

const SEQ_TAG: TTagDef = {
  name: 'seq',
  dataType: 'UInt32',
  description: 'Sequence number of the equipment update (+1 per update)',
};

class HistoryAdapter implements IVariableHistorian {
  constructor(private readonly history: SequenceHistory) {}
  async push(): Promise<void> {
    // the simulator writes the history itself (also while the server is down)
  }
  extractDataValues(
    details: ReadRawModifiedDetails,
    max: number,
    isReversed: boolean,
    reverseDataValue: boolean,
    callback: (err: Error | null, dataValue?: DataValue[]) => void,
  ): void {
    const bound = (d: Date | null | undefined) =>
      d && d.getTime() > Date.UTC(1601, 0, 2) ? d.getTime() : undefined;
    const rows = this.history.range(bound(details.startTime), bound(details.endTime), max, isReversed);
    let values = rows.map(
      (r) =>
        new DataValue({
          value: { dataType: DataType.UInt32, value: r.seq },
          sourceTimestamp: new Date(r.tsMs),
          serverTimestamp: new Date(r.tsMs),
          statusCode: StatusCodes.Good,
        }),
    );
    if (reverseDataValue) values = values.reverse();
    callback(null, values);
  }
}

const DATA_TYPES: Record<TTagDef['dataType'], DataType> = {
  Double: DataType.Double,
  UInt32: DataType.UInt32,
  String: DataType.String,
};

export class SimulatorOpcuaServer {
  private server: OPCUAServer | undefined;
  private readonly variables = new Map<
    string,
    { node: UAVariable; dataType: DataType; last: TTagValue | undefined }
  >();
  private readonly equipmentObjects = new Map<string, UAObject>();
  private defectEventType: UAEventType | undefined;
  private port: number;

  constructor(
    private readonly sim: PlantSimulation,
    private readonly histories: ReadonlyMap<string, SequenceHistory>,
    private readonly options: TOpcuaServerOptions,
  ) {
    this.port = options.port;
  }

  /** Changes the port before the first start (a randomly chosen port turned out to be taken). */
  usePort(port: number): void {
    if (this.server) throw new Error('cannot change the port of a running server');
    this.port = port;
  }

  get portNumber(): number {
    return this.port;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  get endpointUrl(): string {
    return `opc.tcp://127.0.0.1:${this.port}/ingot/simulator`;
  }

  get certificateFile(): string {
    return path.join(this.options.pkiDir, 'server', 'own', 'certs', 'certificate.pem');
  }

  get userPkiDir(): string {
    return path.join(this.options.pkiDir, 'user');
  }

  get clientPkiDir(): string {
    return path.join(this.options.pkiDir, 'server');
  }

  async start(lastValues: ReadonlyMap<string, Record<string, TTagValue>>, lastTsMs: number): Promise<void> {
    if (this.server) throw new Error('OPC UA server already running');
    const o = this.options;
    const serverCertificateManager = new OPCUACertificateManager({
      rootFolder: path.join(o.pkiDir, 'server'),
      automaticallyAcceptUnknownCertificate: o.autoAcceptClientCertificates,
    });
    const userCertificateManager = new OPCUACertificateManager({
      rootFolder: path.join(o.pkiDir, 'user'),
      automaticallyAcceptUnknownCertificate: false,
    });
    const modes = o.securityModes.map((m) => MessageSecurityMode[m]);
    const policies = o.securityModes.some((m) => m !== 'None') ? [SecurityPolicy.Basic256Sha256] : [];
    if (o.securityModes.includes('None')) policies.unshift(SecurityPolicy.None);
    const users = o.users;
    const server = new OPCUAServer({
      port: this.port,
      hostname: '127.0.0.1',
      resourcePath: '/ingot/simulator',
      nodeset_filename: [nodesets.standard],
      serverCertificateManager,
      userCertificateManager,
      securityModes: modes,
      securityPolicies: policies,
      allowAnonymous: o.allowAnonymous,
      userManager: {
        isValidUser: (username: string, password: string) =>
          users.some((u) => u.username === username && u.password === password),
      },
      serverInfo: {
        applicationUri: APPLICATION_URI,
        productUri: 'urn:ingot:plant-simulator',
        applicationName: { text: 'Ingot plant simulator', locale: 'en' },
      },
      buildInfo: { productName: 'Ingot plant simulator', manufacturerName: 'Ingot' },
      // 0: a monitored item asking samplingInterval 0 on a variable with minimumSamplingInterval 0 is told of
      // every change (node-opcua otherwise coalesces changes within MinSupportedSampleRate)
      serverCapabilities: { minSupportedSampleRate: 0 },
      maxConnectionsPerEndpoint: 50,
      isAuditing: false,
    });
    try {
      await server.initialize();
      this.buildAddressSpace(server, lastValues, lastTsMs);
      await server.start();
    } catch (err) {
      this.variables.clear();
      this.equipmentObjects.clear();
      await server.shutdown(0).catch(() => {});
      throw new Error(`OPC UA server could not start on 127.0.0.1:${this.port}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    this.server = server;
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = undefined;
    this.variables.clear();
    this.equipmentObjects.clear();
    this.defectEventType = undefined;
    await s.shutdown(0);
  }

  private buildAddressSpace(
    server: OPCUAServer,
    lastValues: ReadonlyMap<string, Record<string, TTagValue>>,
    lastTsMs: number,
  ): void {
    const addressSpace = server.engine.addressSpace;
    if (!addressSpace) throw new Error('OPC UA address space missing after initialize');
    const ns = addressSpace.getOwnNamespace();
    if (ns.namespaceUri !== SIMULATOR_NAMESPACE_URI || ns.index !== 1) {
      throw new Error(
        `own namespace is ${ns.index}:${ns.namespaceUri}, expected 1:${SIMULATOR_NAMESPACE_URI}`,
      );
    }
    const defectType = ns.addEventType({ browseName: 'SurfaceDefectEventType', subtypeOf: 'BaseEventType' });
    const props: Array<[string, DataType]> = [
      ['CoilId', DataType.String],
      ['DefectNo', DataType.UInt32],
      ['DefectType', DataType.String],
      ['DefectTypeCode', DataType.UInt32],
      ['PositionM', DataType.Double],
      ['CrossPositionMm', DataType.Double],
      ['DefectSeverity', DataType.UInt32],
    ];
    for (const [name, dt] of props) {
      ns.addVariable({ propertyOf: defectType, browseName: name, dataType: dt, modellingRule: 'Mandatory' });
    }
    this.defectEventType = defectType;

    const root = ns.addFolder(addressSpace.rootFolder.objects, { browseName: 'Plants', nodeId: 's=Plants' });
    const plantFolders = new Map<string, UAObject>();
    const ts = new Date(lastTsMs);
    for (const m of this.sim.models) {
      let plantFolder = plantFolders.get(m.plant);
      if (!plantFolder) {
        plantFolder = ns.addFolder(root, { browseName: m.plant, nodeId: `s=${m.plant}` });
        plantFolders.set(m.plant, plantFolder);
      }
      const obj = ns.addObject({
        organizedBy: plantFolder,
        browseName: m.code,
        nodeId: `s=${m.plant}/${m.code}`,
        displayName: `${m.code} ${m.nameEn}`,
        description: `${m.name} / ${m.nameEn}`,
        eventNotifier: m.kind === 'cold_mill' ? 1 : 0,
      });
      this.equipmentObjects.set(`${m.plant}/${m.code}`, obj);
      const values = lastValues.get(`${m.plant}/${m.code}`) ?? m.read();
      const tags = this.options.sequenceTags ? [...m.tags, SEQ_TAG] : m.tags;
      for (const tag of tags) {
        const key = `${m.plant}/${m.code}/${tag.name}`;
        const dataType = DATA_TYPES[tag.dataType];
        const common = {
          componentOf: obj,
          browseName: tag.name,
          nodeId: `s=${key}`,
          description: tag.description,
          minimumSamplingInterval: 0,
          accessLevel: makeAccessLevelFlag('CurrentRead'),
          userAccessLevel: makeAccessLevelFlag('CurrentRead'),
        };
        let node: UAVariable;
        if (tag.enumStrings) {
          node = ns.addMultiStateDiscrete({ ...common, enumStrings: [...tag.enumStrings], value: 0 });
        } else if (tag.unit && tag.range) {
          node = ns.addAnalogDataItem({
            ...common,
            dataType: 'Double',
            engineeringUnits: makeEUInformation(tag.unit.code, tag.unit.symbol, tag.unit.name),
            engineeringUnitsRange: { low: tag.range[0], high: tag.range[1] },
          });
        } else {
          node = ns.addVariable({ ...common, dataType: tag.dataType });
        }
        const initial = tag.name === 'seq' ? this.lastSeq(m.plant, m.code) : values[tag.name];
        if (initial !== undefined)
          node.setValueFromSource({ dataType, value: initial }, StatusCodes.Good, ts);
        if (tag.name === 'seq') {
          const history = this.histories.get(`${m.plant}/${m.code}`);
          if (history) {
            node.accessLevel = makeAccessLevelFlag('CurrentRead | HistoryRead');
            node.userAccessLevel = makeAccessLevelFlag('CurrentRead | HistoryRead');
            addressSpace.installHistoricalDataNode(node, { historian: new HistoryAdapter(history) });
            // installHistoricalDataNode sets Historizing; keep the access level it may have reset readable
            node.accessLevel = node.accessLevel | AccessLevelFlag.CurrentRead | AccessLevelFlag.HistoryRead;
          }
        }
        this.variables.set(key, { node, dataType, last: initial });
      }
    }
  }

  private lastSeq(plant: string, code: string): number {
    return this.sim.sequences()[`${plant}/${code}`] ?? 0;
  }

  /** Writes one tick's updates into the address space (no-op while the server is down). */
  publish(result: TTickResult, tsMs: number): void {
    if (!this.server) return;
    const ts = new Date(tsMs);
    for (const u of result.updates) {
      const prefix = `${u.model.plant}/${u.model.code}/`;
      for (const tag of u.model.tags) {
        const v = this.variables.get(prefix + tag.name);
        const value = u.values[tag.name];
        if (!v || value === undefined || value === v.last) continue;
        v.last = value;
        v.node.setValueFromSource({ dataType: v.dataType, value }, StatusCodes.Good, ts);
      }
      if (this.options.sequenceTags) {
        const v = this.variables.get(`${prefix}seq`);
        if (v) {
          v.last = u.seq;
          v.node.setValueFromSource({ dataType: DataType.UInt32, value: u.seq }, StatusCodes.Good, ts);
        }
      }
      for (const d of u.defects) this.raiseDefect(u.model.plant, u.model.code, d, ts);
    }
  }

  private raiseDefect(plant: string, code: string, d: TSurfaceDefect, ts: Date): void {
    const obj = this.equipmentObjects.get(`${plant}/${code}`);
    if (!obj || !this.defectEventType) return;
    obj.raiseEvent(this.defectEventType, {
      message: {
        dataType: DataType.LocalizedText,
        value: { text: `${code} ${d.coilId}: ${d.type} at ${d.positionM} m, severity ${d.severity}` },
      },
      severity: { dataType: DataType.UInt16, value: d.severity * 300 },
      time: { dataType: DataType.DateTime, value: ts },
      coilId: { dataType: DataType.String, value: d.coilId },
      defectNo: { dataType: DataType.UInt32, value: d.defectNo },
      defectType: { dataType: DataType.String, value: d.type },
      defectTypeCode: { dataType: DataType.UInt32, value: d.typeCode },
      positionM: { dataType: DataType.Double, value: d.positionM },
      crossPositionMm: { dataType: DataType.Double, value: d.crossPositionMm },
      defectSeverity: { dataType: DataType.UInt32, value: d.severity },
    });
  }
}
