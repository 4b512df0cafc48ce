// Helpers for tests against the running Keycloak (integration and e2e). Not for production code.
export { readKeycloakTestEnv, type TKeycloakTestEnv } from './env.ts';
export { signInWithLoginForm, type TLoginResult, type TTokenSet } from './login-form.ts';
export { createRealmTestUser, strongPassword, type TRealmTestUser } from './realm-users.ts';
export { base32Decode, totp } from './totp.ts';
