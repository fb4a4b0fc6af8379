import type { EventContract } from '../event-contract';

// Stream `learning-platform-<clientId>`: a learning platform (Moodle, an LRS) that the city's identity
// provider issues client credentials to, registered by an admin with the xAPI activities it reports on.
// Stream `xapi-statement-<statementId>`: the digest of each statement applied, so that the same id with
// other content is refused (xAPI statements are immutable) and a resend is recognised.

/** One xAPI activity the platform reports on, and the self-paced programme module it stands for. */
export interface LearningPlatformActivity {
  /** The xAPI activity id (an IRI), compared character by character. */
  activityId: string;
  programmeId: string;
  moduleId: string;
}

/** Progress verbs of the programme's self-paced rule that an xAPI verb maps to. */
export type MappedLearningVerb = 'started' | 'completed' | 'scored' | 'spent';

/**
 * An admin registered the platform (revision 1) or replaced its registration (the next revision):
 * the whole mapping each time, so the latest event says everything.
 */
export type LearningPlatformRegistered = {
  type: 'LearningPlatformRegistered';
  data: {
    clientId: string;
    name: string;
    /** The xAPI account homePage of its learners; the account's `name` is the NIP. */
    actorHomePage: string;
    activities: LearningPlatformActivity[];
    revision: number;
    registeredOn: string;
  };
};
/** The platform's statements are no longer accepted (final: a new client id is registered instead). */
export type LearningPlatformRetired = {
  type: 'LearningPlatformRetired';
  data: { clientId: string; retiredOn: string };
};
/** A statement that was applied to a programme, by its digest (the statement itself is not kept). */
export type XapiStatementAccepted = {
  type: 'XapiStatementAccepted';
  data: {
    statementId: string;
    clientId: string;
    /** SHA-256 (hex) of the statement's canonical JSON (RFC 8785), without authority, stored and version. */
    sha256: string;
    /** The xAPI verb id (an IRI). */
    verb: string;
    mappedTo: MappedLearningVerb;
    nip: string;
    programmeId: string;
    moduleId: string;
    /** When the service received it (an instant). */
    receivedAt: string;
  };
};

export type LearningPlatformEvent = LearningPlatformRegistered | LearningPlatformRetired;
export type XapiStatementEvent = XapiStatementAccepted;

const LP = 'learning-platform-<clientId>';
export const LEARNING_PLATFORM_EVENTS: EventContract[] = [
  {
    type: 'LearningPlatformRegistered',
    version: 1,
    service: 'enrolment',
    stream: LP,
    description:
      'An admin registered a learning platform (an OAuth client of the city’s identity provider, by its client id) with its learners’ xAPI account homePage and the xAPI activities it reports on, each mapped to a self-paced programme’s module; a later registration replaces the whole mapping (next revision).',
  },
  {
    type: 'LearningPlatformRetired',
    version: 1,
    service: 'enrolment',
    stream: LP,
    description: 'The platform’s statements are no longer accepted (401); retirement is final.',
  },
  {
    type: 'XapiStatementAccepted',
    version: 1,
    service: 'enrolment',
    stream: 'xapi-statement-<statementId>',
    description:
      'An xAPI statement from a registered platform was applied to a programme as learning progress (the programme’s LearningProgressRecorded, same statementId); its SHA-256 makes the same id with other content a 409.',
  },
];
