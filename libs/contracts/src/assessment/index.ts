// Assessment events: see assessment.events.ts (owned by the assessment service's authors).
export {};
