import { gapOf, RequirementRow } from '../required-levels';

/** An assessment as the profile shows it (a row of the `assessments` read model). */
export interface AssessmentView {
  assessmentId: string;
  kind: string;
  competencyCode: string;
  enrolmentId: string | null;
  programmeId: string | null;
  trigger: string;
  dueOn: string;
  status: 'scheduled' | 'recorded' | 'cancelled';
  assessor: string | null;
  method: string | null;
  score: number | null;
  level: number | null;
  assessedOn: string | null;
  late: boolean | null;
  learningGain: number | null;
  cancelReason: string | null;
}
export interface CertificationView {
  certificationId: string;
  competencyCode: string;
  level: number;
  requiredLevel: number;
  certifiedOn: string;
  expiresOn: string;
  status: string;
}

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
) {
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
    const status =
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

const snapshot = (list: AssessmentView[]) => {
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
export function programmeGains(history: AssessmentView[]) {
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
