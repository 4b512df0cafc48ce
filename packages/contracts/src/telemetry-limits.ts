// Size limits of telemetry messages, apart so that both the message schemas and the pushed configuration use them.

/**
 * Points in one telemetry batch. Each batch is one insert (its dedup token keeps storage exactly-once), and an
 * insert costs mostly the same whatever its size, so this bounds what one ingest can store: measured in chDB,
 * 2 000-point inserts stored ~34 000 points per CPU-second, 10 000-point inserts ~120 000 (telemetry README).
 */
export const MAX_POINTS_PER_BATCH = 10_000;
/** Bytes of one MQTT payload, any kind: EMQX's default max_packet_size (1 MiB); the broker limits should equal this. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
