export * from './personal-data.events';
