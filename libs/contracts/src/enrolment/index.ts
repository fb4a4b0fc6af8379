export * from './shared.types';
export * from './staff.events';
export * from './programme.events';
