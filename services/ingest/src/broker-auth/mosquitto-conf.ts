import { MAX_MESSAGE_BYTES } from '@ingot/contracts';

/**
 * The mosquitto.conf lines that carry broker-auth's rules Mosquitto's ACL file cannot express: no retained
 * messages, QoS at most 1, the payload limit, no anonymous or zero-length client ids, and the username as
 * client id (so one connector can never take over another's session). infra/local/mosquitto.sh appends these.
 */
export function mosquittoPolicyLines(opts: { passwordFile: string; aclFile: string }): string[] {
  return [
    'allow_anonymous false',
    `password_file ${opts.passwordFile}`,
    `acl_file ${opts.aclFile}`,
    'allow_zero_length_clientid false',
    'use_username_as_clientid true',
    'retain_available false',
    'max_qos 1',
    // MQTT fixed header + topic + properties on top of the payload limit.
    `max_packet_size ${MAX_MESSAGE_BYTES + 1024}`,
  ];
}
