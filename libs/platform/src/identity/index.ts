export * from './internal-identity';
export * from './identity-verifier';
export * from './identity.guard';
