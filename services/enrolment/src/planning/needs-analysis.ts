import type { EmploymentType, PlanLine, ProgrammeForm } from '@kompeten/contracts';
import { JP_RIGHT_PNS } from '../queries/jp-ledger';
import { weakElements, type UnitIkm, type WeakElement } from './skm-elements';

// The training needs analysis (analisis kebutuhan pelatihan) of one OPD for one year, as a pure
// function of what the read models know: docs/planning/needs-analysis.md has the rules and a worked
// example (needs-analysis.spec.ts checks it line by line).

/** JP of a line for a weak SKM element or an expiring certification: a one-day bimtek, 8 × 45 min (*unverified*). */
export const SHORT_COURSE_JP = 8;
/** JP per level of gap, at most three days a year: a larger gap takes more than one year's plan (*unverified*). */
export const JP_PER_GAP_LEVEL = 8;
export const MAX_GAP_JP = 24;
/** JP shortfalls are planned in bands of 4 JP (half a day): one line per band, not per person. */
export const SHORTFALL_BAND_JP = 4;
/**
 * A JP shortfall names no competency, but a plan line needs a known one: self-development is the
 * national competency whose whole content is learning (PermenPANRB 38/2017). The officer may change it.
 */
export const SHORTFALL_AREA = 'pengembangan-diri-dan-orang-lain';

export interface NeedsInputs {
  /** The OPD's active staff in the year, with the JP credited to them in it. */
  staff: { nip: string; employmentType: EmploymentType; serviceUnit: string | null; jpCredited: number }[];
  /** Open gaps against the staff member's current position (required − assessed level). */
  gaps: { nip: string; competencyCode: string; gap: number }[];
  /** Each service unit of the OPD with its latest closed SKM period. */
  units: UnitIkm[];
  /** Certifications whose last valid day falls in the year, with no later certification of the same competency. */
  expiring: { nip: string; competencyCode: string; expiresOn: string }[];
  /** Rupiah per JP by form (unit-costs.ts). */
  costPerJp: Record<ProgrammeForm, number>;
}

type Draft = Omit<PlanLine, 'headCount' | 'costPerJp' | 'estimatedRupiah' | 'quarter'>;

/** The proposed lines, by priority then line id (numbers in ids in numeric order: jp-shortfall-4 before -12). */
export function proposePlan(inputs: NeedsInputs): PlanLine[] {
  const active = new Set(inputs.staff.map((s) => s.nip));
  const mine = <T extends { nip: string }>(rows: T[]) => rows.filter((r) => active.has(r.nip));
  const drafts = [
    ...gapLines(mine(inputs.gaps).filter((g) => g.gap > 0)),
    ...skmLines(inputs.units.flatMap(weakElements), inputs.staff),
    ...certificationLines(mine(inputs.expiring)),
  ];
  drafts.push(...shortfallLines(inputs.staff, drafts));
  return drafts
    .map((d) => {
      const costPerJp = inputs.costPerJp[d.form];
      const headCount = d.people.length;
      return { ...d, quarter: null, headCount, costPerJp, estimatedRupiah: headCount * d.jpPerPerson * costPerJp };
    })
    .sort((a, b) => a.priority - b.priority || compareIds(a.lineId, b.lineId));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortKey = (id: string) => id.replace(/\d+$/, (n) => n.padStart(9, '0'));
const compareIds = (a: string, b: string) => byText(sortKey(a), sortKey(b));

/** Rows grouped by a key, keys in sorted order. */
function groupBy<T>(rows: T[], key: (r: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].sort(([a], [b]) => byText(a, b));
}
const nipsOf = (rows: { nip: string }[]) => [...new Set(rows.map((r) => r.nip))].sort();

/** (a) One line per competency; the largest gap sets the JP, the form and the priority for everyone on it. */
function gapLines(gaps: NeedsInputs['gaps']): Draft[] {
  return groupBy(gaps, (g) => g.competencyCode).map(([code, rows]) => {
    const max = Math.max(...rows.map((g) => g.gap));
    const people = nipsOf(rows);
    return {
      lineId: `gap-${code}`,
      competencyArea: code,
      source: 'competency-gap',
      priority: max >= 2 ? 1 : 2,
      form: max >= 2 ? 'klasikal' : 'e-learning',
      people,
      jpPerPerson: Math.min(MAX_GAP_JP, JP_PER_GAP_LEVEL * max),
      rationale: `${people.length} staff below their position's level in ${code} (largest gap ${max})`,
    };
  });
}

/** (b) One line per competency area; everyone serving in a weak unit is trained: citizens meet all of them. */
function skmLines(weak: WeakElement[], staff: NeedsInputs['staff']): Draft[] {
  return groupBy(weak, (w) => w.competencyArea).flatMap(([area, rows]) => {
    const units = new Set(rows.map((w) => w.unitCode));
    const people = nipsOf(staff.filter((s) => s.serviceUnit !== null && units.has(s.serviceUnit)));
    if (people.length === 0) return [];
    const why = [...rows]
      .sort((a, b) => byText(a.unitCode, b.unitCode) || byText(a.element, b.element))
      .map((w) => `NRR ${w.element} ${w.nrr.toFixed(2)} at ${w.unitCode}, ${w.period}`);
    return [
      {
        lineId: `skm-${area}`,
        competencyArea: area,
        source: 'weak-skm-element',
        priority: 1,
        form: 'klasikal',
        people,
        jpPerPerson: SHORT_COURSE_JP,
        rationale: why.join('; '),
      },
    ];
  });
}

/** (c) One line per competency whose certifications lapse in the year without a renewal. */
function certificationLines(expiring: NeedsInputs['expiring']): Draft[] {
  return groupBy(expiring, (c) => c.competencyCode).map(([code, rows]) => {
    const people = nipsOf(rows);
    const first = rows.map((c) => c.expiresOn).sort()[0];
    return {
      lineId: `cert-${code}`,
      competencyArea: code,
      source: 'certification-expiring',
      priority: 2,
      form: 'klasikal',
      people,
      jpPerPerson: SHORT_COURSE_JP,
      rationale: `${people.length} certification(s) in ${code} expire, the first on ${first}, not renewed`,
    };
  });
}

/**
 * (d) PNS still short of 20 JP after what they have and what the lines above plan for them, in bands
 * of 4 JP (rounded up: a plan for 13 JP short offers 16). PPPK have a cap, not a target: never short.
 */
function shortfallLines(staff: NeedsInputs['staff'], planned: Draft[]): Draft[] {
  const plannedJp = (nip: string) => planned.reduce((n, d) => n + (d.people.includes(nip) ? d.jpPerPerson : 0), 0);
  const short = staff
    .filter((s) => s.employmentType === 'PNS')
    .map((s) => ({ nip: s.nip, jp: JP_RIGHT_PNS - s.jpCredited - plannedJp(s.nip) }))
    .filter((s) => s.jp > 0)
    .map((s) => ({ nip: s.nip, band: Math.ceil(s.jp / SHORTFALL_BAND_JP) * SHORTFALL_BAND_JP }));
  return groupBy(short, (s) => String(s.band)).map(([band, rows]) => {
    const people = nipsOf(rows);
    return {
      lineId: `jp-shortfall-${band}`,
      competencyArea: SHORTFALL_AREA,
      source: 'jp-shortfall',
      priority: 3,
      form: 'e-learning',
      people,
      jpPerPerson: Number(band),
      rationale: `${people.length} PNS short of ${JP_RIGHT_PNS} JP by ${Number(band) - 3}–${band} JP after the lines above`,
    };
  });
}
