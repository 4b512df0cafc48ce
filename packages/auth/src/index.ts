export * from './demo-users.ts';
export * from './embedded-issuer.ts';
export * from './identity.ts';
export * from './keycloak/ensure-demo-users.ts';
export * from './keycloak/keycloak-admin.ts';
export * from './keycloak/keycloak-settings.ts';
export * from './keycloak/keycloak-verifier.ts';
export * from './token-verifier.ts';
