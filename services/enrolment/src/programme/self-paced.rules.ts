import type { ProgrammeEvent } from '@kompeten/contracts';
import type { ProgrammeCommand } from './programme.commands';
import { problems } from './programme.problems';
import type { Enrolment, ProgrammeState } from './programme.state';
import { completed } from './completion.rules';

type Command = Extract<ProgrammeCommand, { type: 'RecordLearningProgress' }>;

/** How far a device's clock may run ahead of ours: phones drift, but not into tomorrow. */
export const DEVICE_CLOCK_SKEW_MS = 5 * 60_000;
/** 1 JP (jam pelajaran) is 45 minutes of learning. */
export const SECONDS_PER_JP = 45 * 60;

/**
 * One statement, applied once. The training completes on its own when every module is completed
 * with the minimum score and the time on task reaches the programme's JP; it is dated by the city
 * date of the statement that completes it (an offline batch arrives late but keeps its dates).
 */
export function decideProgress(c: Command, s: ProgrammeState, e: Enrolment): ProgrammeEvent[] {
  // A resend is recognised before anything else: the first copy passed every check below.
  if (e.statements.includes(c.statementId)) return [];
  if (e.status !== 'confirmed') throw problems.wrongState(e, 'record learning progress');
  const rule = s.details.completionRule;
  if (!rule) throw problems.invalid('moduleId', 'this programme is not self-paced');
  if (!rule.modules.includes(c.moduleId))
    throw problems.invalid('moduleId', `no module ${c.moduleId} in this programme`);
  if (Date.parse(c.deviceTimestamp) > Date.parse(c.receivedAt) + DEVICE_CLOCK_SKEW_MS)
    throw problems.invalid('deviceTimestamp', `is in the future (received at ${c.receivedAt})`);
  if (e.enrolledOn !== null && c.deviceDate < e.enrolledOn)
    throw problems.invalid('deviceTimestamp', `is before the enrolment (${e.enrolledOn})`);

  const { statementId, verb, moduleId, score, seconds, deviceTimestamp } = c;
  const progress: ProgrammeEvent = {
    type: 'LearningProgressRecorded',
    data: {
      enrolmentId: e.enrolmentId,
      programmeId: s.programmeId,
      nip: e.nip,
      statementId,
      verb,
      moduleId,
      score,
      seconds,
      deviceTimestamp,
    },
  };
  const done = new Set(verb === 'completed' ? [...e.modulesCompleted, moduleId] : e.modulesCompleted);
  const scores =
    score === null ? e.bestScores : { ...e.bestScores, [moduleId]: Math.max(e.bestScores[moduleId] ?? score, score) };
  // The minimum score applies to every module that was scored; a reading module without a quiz passes when completed.
  const modulesMet = rule.modules.every(
    (m) => done.has(m) && (rule.minScore === null || !(m in scores) || scores[m] >= rule.minScore),
  );
  // JP are credited for time spent: until the time on task covers them, progress waits for more statements.
  const timeMet = e.secondsSpent + (seconds ?? 0) >= s.details.jp * SECONDS_PER_JP;
  return modulesMet && timeMet ? [progress, completed(s, e, c.deviceDate)] : [progress];
}
