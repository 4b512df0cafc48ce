/**
 * The MQTT username of a connector: `{tenant slug}.{connector code}`. Tenant slugs are globally unique and codes
 * unique per tenant, so usernames are globally unique (the broker looks a connector up by it before any tenant is
 * known). A service identity (ingest) never contains a ".", so it can never be taken by a connector.
 * It is also the connector's MQTT client id (client ids must be globally unique, or sessions take each other over).
 */
export function connectorUsername(tenantSlug: string, code: string): string {
  return `${tenantSlug}.${code}`;
}
