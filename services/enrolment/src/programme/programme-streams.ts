/**
 * A programme's streams (issue 23): `programme-<id>` holds the catalogue entry (published, revised,
 * cancelled); each participant's enrolment lives in its own sub-stream `programme-<id>/<nip>`, so
 * commands about different participants never contend for one stream version. Programmes published
 * before keep their participants' events in `programme-<id>`, read together with the sub-streams
 * (programme-cache.ts): nothing is rewritten, the hash chain is untouched.
 */
export const programmeStreamId = (programmeId: string) => `programme-${programmeId}`;

export const participantStreamId = (programmeId: string, nip: string) => `programme-${programmeId}/${nip}`;

/** The events that belong to the programme stream itself; every other programme event is a participant's. */
export const PROGRAMME_OWN_TYPES: readonly string[] = ['ProgrammePublished', 'ProgrammeRevised', 'ProgrammeCancelled'];
