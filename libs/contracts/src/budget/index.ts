export * from './budget.events';
export * from './funding.events';
