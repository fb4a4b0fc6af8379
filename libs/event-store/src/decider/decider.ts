// Deciders moved to @kompeten/domain (framework-free, libs/README.md "Domain errors"); this path stays
// for the imports inside event-store that still name it.
export type { Decider } from '@kompeten/domain';
export { fold, givenEvents } from '@kompeten/domain';
