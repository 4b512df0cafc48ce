/** The connector agent as a library (for `npm start` and tests that run an agent in-process). */
export { Agent, type AgentOptions, CommandError } from './agent/agent.ts';
export { PUSHED_CONFIG_FILE, SPOOL_FILE, STATUS_FILE, type TStatusFile } from './agent/files.ts';
export {
  securityPolicyIssues,
  type TConnectorConfig,
  type TConnectorConfigInput,
  ZConnectorConfig,
} from './config/connector-config.ts';
export { ConfigError, loadConfig, parseConfig } from './config/load-config.ts';
export { systemdUnit, writeSystemdUnit } from './install/systemd-unit.ts';
export { createLogger, type Logger, silentLogger } from './logger.ts';
export { listRejected, openClientPki, pkiFolder, trustCertificateFile } from './sources/pki.ts';
export { readSpoolStatus, Spool } from './spool/spool.ts';
export { AGENT_VERSION } from './version.ts';
