export * from './demo-users.ts';
export * from './embedded-issuer.ts';
export * from './identity.ts';
export * from './token-verifier.ts';
