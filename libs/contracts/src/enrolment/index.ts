export * from './shared.types';
export * from './staff.events';
export * from './programme.events';
export * from './release.events';
export * from './training-calendar.events';
export * from './funding-need.types';
export * from './planning.events';
