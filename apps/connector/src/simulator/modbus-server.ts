import net from 'node:net';
import { ServerTCP } from 'modbus-serial';
import type { EnergyMeters } from './energy-meters.ts';

/**
 * The energy meters' Modbus TCP server (modbus-serial ServerTCP) on 127.0.0.1. Holding registers only
 * (function code 3); any unit id is answered; addresses outside the map answer exception 2
 * (illegal data address); writes are refused (exception 1, illegal function): meters are read-only.
 */

/** A free loopback port (modbus-serial treats port 0 as "use 502", so we pick the port ourselves). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const readOnly = () => {
  throw Object.assign(new Error('energy meters are read-only'), { modbusErrorCode: 0x01 });
};

export class MeterModbusServer {
  private server: ServerTCP | undefined;
  private boundPort = 0;

  constructor(private readonly meters: EnergyMeters) {}

  get port(): number {
    return this.boundPort;
  }

  async start(port: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const p = port === 0 ? await freePort() : port;
      try {
        await this.listen(p);
        this.boundPort = p;
        return;
      } catch (err) {
        if (port !== 0 || attempt >= 4 || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      }
    }
  }

  private listen(port: number): Promise<void> {
    const meters = this.meters;
    const vector = {
      getHoldingRegister: (addr: number) => meters.read(addr, 1)[0] ?? 0,
      getMultipleHoldingRegisters: (addr: number, length: number) => meters.read(addr, length),
      getInputRegister: (addr: number) => meters.read(addr, 1)[0] ?? 0,
      getMultipleInputRegisters: (addr: number, length: number) => meters.read(addr, length),
      setRegister: readOnly,
      setCoil: readOnly,
      getCoil: readOnly,
      getDiscreteInput: readOnly,
    };
    return new Promise((resolve, reject) => {
      const server = new ServerTCP(vector, { host: '127.0.0.1', port, unitID: 255, debug: false });
      server.once('initialized', () => {
        this.server = server;
        server.on('serverError', () => {});
        server.on('socketError', () => {});
        resolve();
      });
      server.once('serverError', (err: Error) => reject(err));
    });
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = undefined;
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
