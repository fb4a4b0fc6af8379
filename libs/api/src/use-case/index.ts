export * from './schema';
export * from './access';
export * from './params';
export * from './use-case';
