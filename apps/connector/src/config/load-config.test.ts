import { MAX_MESSAGE_BYTES } from '@ingot/contracts';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './load-config.ts';

const good = `
connector: { id: edge-01, tenant: demo-alu, plant: RP }
dataDir: ./data
mqtt:
  url: mqtts://broker.example.com:8883
  username: edge-01
  passwordFile: ./secrets/mqtt-password
  tls: { caFile: ./ca.pem }
security:
  writeAllowList:
    - { equipment: FUR-1, tag: zone1.sp }
sources:
  - id: cm1
    kind: opcua
    endpointUrl: opc.tcp://10.0.0.5:4840
    auth: { type: username, username: reader, passwordFile: ./secrets/opc }
    deadband: { type: absolute, value: 0.001 }
    tags:
      - { nodeId: "ns=1;s=CM1.ExitThickness", equipment: CM-1, tag: exit_thickness }
  - id: meters
    kind: modbus
    host: 10.0.0.9
    tags:
      - { equipment: EM-1, tag: kwh, address: 0, type: float32, wordOrder: little, scale: 0.1 }
`;

function problems(yaml: string): string[] {
  try {
    parseConfig(yaml, 'test.yaml', '/etc/ingot');
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('connector configuration', () => {
  it('accepts a full configuration, fills defaults and resolves paths against the file', () => {
    const c = parseConfig(good, 'test.yaml', '/etc/ingot');
    expect(c.dataDir).toBe('/etc/ingot/data');
    expect(c.mqtt.passwordFile).toBe('/etc/ingot/secrets/mqtt-password');
    expect(c.mqtt.tls?.caFile).toBe('/etc/ingot/ca.pem');
    expect(c.mqtt.inflightWindow).toBe(32);
    expect(c.spool.maxBytes).toBe(512 * 1024 * 1024);
    expect(c.security.allowSecurityNone).toBe(false);
    const [opc, modbus] = c.sources;
    expect(opc).toMatchObject({
      securityMode: 'SignAndEncrypt',
      securityPolicy: 'Basic256Sha256',
      mode: 'subscribe',
    });
    expect(opc?.kind === 'opcua' && opc.auth.type === 'username' && opc.auth.passwordFile).toBe(
      '/etc/ingot/secrets/opc',
    );
    expect(modbus).toMatchObject({ port: 502, unitId: 1, byteOrder: 'big', wordOrder: 'big' });
  });

  it('names a missing key and its line', () => {
    expect(problems(good.replace('  url: mqtts://broker.example.com:8883\n', ''))).toEqual([
      'mqtt.url (line 4): is required (string)',
    ]);
  });

  it('says what is wrong with a value', () => {
    const p = problems(good.replace('mqtts://broker.example.com:8883', 'http://broker'));
    expect(p).toEqual(['mqtt.url (line 5): must be mqtt://host:port or mqtts://host:port']);
    expect(problems(good.replace('type: float32', 'type: float64'))).toEqual([
      'sources.1.tags.0.type (line 24): must be one of int16, uint16, int32, uint32, float32',
    ]);
    expect(problems(good.replace('tag: exit_thickness', 'tag: "exit thickness"'))[0]).toMatch(
      /^sources\.0\.tags\.0\.tag \(line 19\): may contain only/,
    );
  });

  it('refuses security mode None unless the local file allows it', () => {
    const none = good.replace(
      'endpointUrl: opc.tcp://10.0.0.5:4840',
      'endpointUrl: opc.tcp://10.0.0.5:4840\n    securityMode: None\n    securityPolicy: None',
    );
    expect(problems(none)).toEqual([
      expect.stringMatching(
        /^sources\.0\.securityMode \(line \d+\): security mode None is refused for source "cm1"/,
      ),
    ]);
    const allowed = none.replace('security:\n', 'security:\n  allowSecurityNone: true\n');
    expect(parseConfig(allowed, 'test.yaml', '/').sources[0]).toMatchObject({ securityMode: 'None' });
  });

  it('names misspelt keys, duplicate mappings and YAML syntax errors', () => {
    expect(problems(good.replace('dataDir:', 'dataDri:'))).toEqual([
      'dataDir: is required (string)',
      'dataDri (line 3): unknown key (misspelt, or not allowed here)',
    ]);
    const dup = `${good}      - { equipment: EM-1, tag: kwh, address: 2 }\n`;
    expect(problems(dup)).toEqual([
      expect.stringMatching(
        /^sources\.1\.tags\.1\.tag \(line \d+\): EM-1\/kwh is already mapped at sources\.1\.tags\.0/,
      ),
    ]);
    expect(problems('connector: [unclosed')[0]).toMatch(/^YAML syntax \(line 1\)/);
    expect(problems('- just\n- a list')).toEqual([
      'the file must be a YAML mapping (key: value) at the top level',
    ]);
  });

  it('refuses a spool too small to hold four messages and both password forms', () => {
    expect(
      problems(good.replace('dataDir: ./data', 'dataDir: ./data\nspool: { maxBytes: 1000 }'))[0],
    ).toMatch(
      new RegExp(`^spool\\.maxBytes \\(line \\d+\\): must be at least ${4 * MAX_MESSAGE_BYTES} bytes`),
    );
    expect(problems(good.replace('  username: edge-01\n', '  username: edge-01\n  password: x\n'))).toEqual([
      'mqtt.password (line 7): give password or passwordFile, not both',
    ]);
  });
});
