import { getCompetencyProfile, type ResponseOf } from '@kompeten/api';
import { gapOf, RequirementRow } from '../required-levels';

/** What GET /staff/:nip/competency-profile answers, and its parts. */
type Profile = ResponseOf<typeof getCompetencyProfile>;
/** An assessment as the profile shows it (a row of the `assessments` read model). */
export type AssessmentView = Profile['history'][number];
/** A certification as the profile shows it (a row of the `certifications` read model). */
export type CertificationView = Profile['certifications'][number];
type CompetencyStanding = Profile['competencies'][number];
type ProgrammeGain = Profile['programmes'][number];
type Snapshot = NonNullable<ProgrammeGain['pre']>;

const byDate = (a: AssessmentView, b: AssessmentView) =>
  (a.assessedOn ?? a.dueOn).localeCompare(b.assessedOn ?? b.dueOn);
const latestRecorded = (list: AssessmentView[]) =>
  list
    .filter((a) => a.status === 'recorded')
    .sort(byDate)
    .pop();

/** Per competency the staff member's position requires or was assessed on: required, current level, gap, certification. */
export function competencySummary(
  required: RequirementRow[],
  history: AssessmentView[],
  certifications: CertificationView[],
  names: Map<string, string>,
): CompetencyStanding[] {
  const codes = [
    ...new Set([
      ...required.map((r) => r.competencyCode),
      ...history.filter((a) => a.status === 'recorded').map((a) => a.competencyCode),
      ...certifications.map((c) => c.competencyCode),
    ]),
  ];
  return codes.sort().map((code) => {
    const requiredLevel = required.find((r) => r.competencyCode === code)?.requiredLevel ?? null;
    const latest = latestRecorded(history.filter((a) => a.competencyCode === code));
    const currentLevel = latest?.level ?? null;
    const gap = requiredLevel === null ? null : gapOf({ requiredLevel, assessedLevel: currentLevel });
    const certification =
      certifications.filter((c) => c.competencyCode === code && c.status !== 'superseded').pop() ?? null;
    const status: CompetencyStanding['status'] =
      requiredLevel === null ? 'not-required' : currentLevel === null ? 'not-assessed' : gap ? 'gap' : 'meets';
    return {
      code,
      name: names.get(code) ?? code,
      requiredLevel,
      currentLevel,
      lastAssessedOn: latest?.assessedOn ?? null,
      gap,
      status,
      certification,
    };
  });
}

const snapshot = (list: AssessmentView[]): Snapshot | null => {
  const a = latestRecorded(list) ?? list.filter((x) => x.status !== 'cancelled').pop() ?? list[list.length - 1];
  return a
    ? {
        assessmentId: a.assessmentId,
        status: a.status,
        dueOn: a.dueOn,
        assessedOn: a.assessedOn,
        method: a.method,
        score: a.score,
        level: a.level,
        late: a.late,
      }
    : null;
};

/** Per enrolment: pre, post and on-the-job results; learning gain = post − pre level (score gain when both used the same method). */
export function programmeGains(history: AssessmentView[]): ProgrammeGain[] {
  const enrolments = [...new Set(history.filter((a) => a.enrolmentId).map((a) => a.enrolmentId as string))];
  return enrolments.map((enrolmentId) => {
    const of = (kind: string) => history.filter((a) => a.enrolmentId === enrolmentId && a.kind === kind);
    const [pre, post, onTheJob] = [snapshot(of('pre')), snapshot(of('post')), snapshot(of('on-the-job'))];
    const both = pre?.level != null && post?.level != null;
    const first = history.find((a) => a.enrolmentId === enrolmentId)!;
    return {
      enrolmentId,
      programmeId: first.programmeId,
      competencyCode: first.competencyCode,
      pre,
      post,
      onTheJob,
      learningGain: both ? post.level! - pre.level! : null,
      scoreGain: both && pre.method === post.method ? post.score! - pre.score! : null,
    };
  });
}
