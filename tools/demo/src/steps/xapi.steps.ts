import type { Statement } from '../plan/participation.plan';
import type { ProgrammePlan } from '../plan/participation.plan';
import { actors, commandKey, DemoContext } from '../run/demo-context';
import type { Actor } from '../gateway/gateway-client';

const ADL = 'http://adlnet.gov/expapi/verbs/';
/** BKPSDM's own e-learning platform (a Moodle): where the city's self-paced programmes run. */
const HOME_PAGE = 'https://elearning.bkpsdm.bukittinggikota.go.id';
/** The programme's completion rule (setup.steps.ts publishes every self-paced programme with it). */
const MIN_SCORE = 70;

/** The platform's client id at the identity provider: per run tag, so a tagged city registers its own. */
export const platformOf = (ctx: DemoContext): Actor => {
  const clientId = `moodle-bkpsdm${ctx.plan.tag ? `-${ctx.plan.tag.toLowerCase()}` : ''}`;
  return { role: 'learning-platform', sub: `service-account-${clientId}`, clientId };
};

const activityId = (programmeId: string, moduleId: string) => `${HOME_PAGE}/xapi/activities/${programmeId}/${moduleId}`;

/**
 * An admin registers the platform with every self-paced programme's modules as its activities: from
 * then on only it may report progress in them, and a learner cannot complete their own training.
 */
export async function registerLearningPlatform(ctx: DemoContext, programmes: ProgrammePlan[]): Promise<void> {
  const { clientId } = platformOf(ctx);
  const activities = programmes.flatMap((p) =>
    (p.spec.modules ?? []).map((moduleId) => ({
      activityId: activityId(p.programmeId, moduleId),
      programmeId: p.programmeId,
      moduleId,
    })),
  );
  await ctx.client.as(actors.admin).registerLearningPlatform({
    body: { clientId: clientId!, name: 'Moodle BKPSDM Kota Bukittinggi', actorHomePage: HOME_PAGE, activities },
    idempotencyKey: commandKey(ctx.plan, 'learning-platform', clientId!, activities.length),
  });
}

/**
 * One of the demo's learning statements as the platform forwards it (xAPI 1.0.3, ADL verbs): started
 * → initialized, time on task → progressed with its duration, a quiz score → passed or failed by the
 * programme's minimum, completed → completed.
 */
export function xapiStatement(nip: string, programmeId: string, s: Statement) {
  const passed = s.score !== undefined && s.score >= MIN_SCORE;
  const verb = {
    started: 'initialized',
    spent: 'progressed',
    scored: passed ? 'passed' : 'failed',
    completed: 'completed',
  }[s.verb];
  return {
    id: s.statementId,
    actor: { objectType: 'Agent', account: { homePage: HOME_PAGE, name: nip } },
    verb: { id: `${ADL}${verb}`, display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: activityId(programmeId, s.moduleId) },
    ...(s.score !== undefined || s.seconds !== undefined
      ? {
          result: {
            ...(s.score !== undefined && { score: { scaled: s.score / 100 }, success: passed }),
            ...(s.seconds !== undefined && { duration: `PT${s.seconds}S` }),
          },
        }
      : {}),
    timestamp: s.deviceTimestamp,
  };
}

/**
 * A participant's statements in one xAPI request from the platform (a resend is harmless: the ids
 * were seen). Through the client's transport, so it is retried like every other call.
 */
export async function sendStatements(ctx: DemoContext, nip: string, programmeId: string, statements: Statement[]) {
  const token = await ctx.client.tokenOf(platformOf(ctx));
  const path = '/api/v1/xapi/statements';
  const answer = await ctx.client.transport({
    operation: 'xapiStatements',
    method: 'POST',
    path,
    query: {},
    body: statements.map((s) => xapiStatement(nip, programmeId, s)),
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'X-Experience-API-Version': '1.0.3',
    },
    url: `${ctx.client.baseUrl}${path}`,
  });
  if (answer.status !== 200)
    throw new Error(`POST ${path} for ${nip} in ${programmeId} → ${answer.status}: ${JSON.stringify(answer.body)}`);
}
