export * from './feedback.events';
export * from './feedback.rules';
