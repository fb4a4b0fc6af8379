import { parseNip, type MappedLearningVerb } from '@kompeten/contracts';
import { DomainError } from '@kompeten/domain';
import { activityOf, type LearningPlatformState } from '../learning-platform.state';
import { durationSeconds } from './xapi-duration';
import type { XapiStatement } from './xapi-statement';

export const ADL_VERBS = 'http://adlnet.gov/expapi/verbs/';

/**
 * The ADL verbs that move a self-paced programme, and what each is to its rule (self-paced.rules.ts).
 * `passed` completes the module with its score (the programme's minimum score decides); `failed`
 * records the score and leaves the module open. Every other verb (launched, attempted, experienced,
 * answered, terminated, voided, …) is accepted and ignored: a platform forwards everything it logs.
 */
export const VERB_MAP: Record<string, MappedLearningVerb> = {
  [`${ADL_VERBS}initialized`]: 'started',
  [`${ADL_VERBS}progressed`]: 'spent',
  [`${ADL_VERBS}completed`]: 'completed',
  [`${ADL_VERBS}passed`]: 'completed',
  [`${ADL_VERBS}failed`]: 'scored',
};

/** A day of time on task in one statement at most, as for the officers' own statements. */
export const MAX_STATEMENT_SECONDS = 86_400;

export type MappedStatement =
  | { kind: 'ignored'; statementId: string; verb: string }
  | {
      kind: 'progress';
      statementId: string;
      verb: string;
      mappedTo: MappedLearningVerb;
      sha256: string;
      nip: string;
      programmeId: string;
      moduleId: string;
      /** 0–100, or null when the statement carries no score. */
      score: number | null;
      seconds: number | null;
      /** The statement's timestamp, or when it was received if it has none. */
      deviceTimestamp: string;
    };

/**
 * A score as the programme's rule reads it, a whole percentage: `scaled` when given (a negative one
 * is 0); else `raw` within `min`..`max`; else `raw` alone when it is already 0–100.
 */
export function percentOf(score: XapiStatement['score'], field: (f: string) => string): number | null {
  if (!score) return null;
  const { scaled, raw, min, max } = score;
  if (scaled !== undefined) return Math.round(Math.max(0, scaled) * 100);
  if (raw === undefined) return null;
  if (min !== undefined && max !== undefined) return Math.round(((raw - min) / (max - min)) * 100);
  if (raw >= 0 && raw <= 100) return Math.round(raw);
  throw DomainError.invalid(field('result.score'), 'give scaled, or raw with min and max (raw alone must be 0–100)');
}

/**
 * What statement `i` means to Kompeten, from the platform's registration: which staff member (the
 * account's name is the NIP, under the platform's homePage), which programme module (the activity
 * it mapped), and the progress. 400 names the statement's field; an activity the platform did not
 * map is 404 (nothing Kompeten knows is meant).
 */
export function mapStatement(
  st: XapiStatement,
  platform: LearningPlatformState,
  i: number,
  receivedAt: string,
): MappedStatement {
  const field = (f: string) => `statements[${i}].${f}`;
  const mappedTo = VERB_MAP[st.verb];
  if (!mappedTo) return { kind: 'ignored', statementId: st.id, verb: st.verb };
  if (st.actor.homePage !== platform.actorHomePage)
    throw DomainError.invalid(
      field('actor.account.homePage'),
      `must be ${platform.actorHomePage}, the homePage registered for this platform`,
    );
  const nip = parseNip(st.actor.name);
  if (!nip.ok) throw DomainError.invalid(field('actor.account.name'), `must be an NIP (${nip.part}: ${nip.message})`);
  if (st.object.objectType !== 'Activity')
    throw DomainError.invalid(field('object.objectType'), `must be Activity for ${st.verb}`);
  const activity = activityOf(platform, st.object.id);
  if (!activity)
    throw DomainError.notFound(
      'activity-not-mapped',
      'Activity not mapped',
      `${st.object.id} is not an activity registered for this platform`,
      { field: field('object.id') },
    );
  let seconds: number | null = null;
  if (st.duration !== null) {
    const d = durationSeconds(st.duration);
    if ('error' in d) throw DomainError.invalid(field('result.duration'), d.error);
    if (d.seconds > MAX_STATEMENT_SECONDS)
      throw DomainError.invalid(field('result.duration'), 'more than a day of time on task in one statement');
    seconds = d.seconds;
  }
  return {
    kind: 'progress',
    statementId: st.id,
    verb: st.verb,
    mappedTo,
    sha256: st.sha256,
    nip: st.actor.name,
    programmeId: activity.programmeId,
    moduleId: activity.moduleId,
    score: percentOf(st.score, field),
    seconds,
    deviceTimestamp: st.timestamp ?? receivedAt,
  };
}
