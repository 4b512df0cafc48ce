import type { TConnectorHeartbeat } from '@ingot/contracts';

/** Files the agent keeps in its data directory (names shared with the CLI, which must load fast). */
export const STATUS_FILE = 'status.json';
export const PUSHED_CONFIG_FILE = 'pushed-config.json';
export const SPOOL_FILE = 'spool.db';

/** What `ingot-connector status` reads besides the spool database. */
export interface TStatusFile {
  pid: number;
  writtenAt: number;
  mqttConnected: boolean;
  heartbeat: TConnectorHeartbeat;
}
