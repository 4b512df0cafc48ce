import { type TTelemetryPoint, ZModbusSource } from '@ingot/contracts';
import { ServerTCP } from 'modbus-serial';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { freePort } from '../test-support/opcua-test-server.ts';
import { ModbusSource } from './modbus-source.ts';

// A real Modbus TCP peer: modbus-serial's own server, on a free loopback port.
const holding = new Array<number>(64).fill(0);
let server: ServerTCP;
let port: number;

beforeAll(async () => {
  port = await freePort();
  // 123456.5 as float32 with little word order (CDAB) at 0..1, -2 int16 at 2, 4660 uint16 at 3
  holding.splice(0, 4, 0x2040, 0x47f1, 0xfffe, 0x1234);
  server = new ServerTCP(
    {
      getHoldingRegister: (addr: number) => {
        if (addr >= 40) throw { modbusErrorCode: 0x02, msg: 'illegal address' };
        return holding[addr] ?? 0;
      },
      getInputRegister: (addr: number) => addr * 10,
      setRegister: (addr: number, value: number) => {
        holding[addr] = value;
      },
    },
    { host: '127.0.0.1', port, unitID: 1 },
  );
  await new Promise<void>((resolve) => server.on('initialized', () => resolve()));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('Modbus TCP source against a real Modbus server', () => {
  it('reads typed, ordered and scaled registers, marks a failing range bad, and writes', async () => {
    const points: TTelemetryPoint[] = [];
    const source = new ModbusSource(
      ZModbusSource.parse({
        id: 'meters',
        kind: 'modbus',
        host: '127.0.0.1',
        port,
        pollIntervalMs: 100,
        tags: [
          { equipment: 'EM-1', tag: 'kwh', address: 0, type: 'float32', wordOrder: 'little' },
          { equipment: 'EM-1', tag: 'temp', address: 2, type: 'int16', scale: 0.5 },
          { equipment: 'EM-1', tag: 'raw', address: 3, type: 'uint16' },
          { equipment: 'EM-1', tag: 'flow', table: 'input', address: 5, type: 'uint16', scale: 0.1 },
          { equipment: 'EM-1', tag: 'missing', address: 50, type: 'uint16' },
        ],
      }),
      silentLogger,
      { points: (p) => points.push(...p), state: () => {} },
    );
    await source.start();
    const end = Date.now() + 10_000;
    while (points.length < 10 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const latest = (tag: string) => points.filter((p) => p.tag === tag).at(-1);
    expect(latest('kwh')).toMatchObject({ value: 123456.5, quality: 'good' });
    expect(latest('temp')).toMatchObject({ value: -1, quality: 'good' });
    expect(latest('raw')?.value).toBe(0x1234);
    expect(latest('flow')?.value).toBeCloseTo(5);
    expect(latest('missing')).toMatchObject({ value: null, quality: 'bad' });
    expect(source.status().state).toBe('connected');

    await source.write('EM-1', 'temp', -3.5);
    expect(holding[2]).toBe(0xfff9);
    await expect(source.write('EM-1', 'flow', 1)).rejects.toThrow(/read-only/);
    await source.stop();
  });
});
