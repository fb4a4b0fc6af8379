// Feedback events: see feedback.events.ts (owned by the feedback service's authors).
export {};
