export * from './assessment.events';
