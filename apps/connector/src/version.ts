import pkg from '../package.json' with { type: 'json' };

/** The agent's version, reported in every heartbeat. */
export const AGENT_VERSION: string = pkg.version;
