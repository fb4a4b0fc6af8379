export * from './budget.events';
