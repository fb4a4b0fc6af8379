import { OPDS, SERVICE_UNITS, unitPositions } from '../city/bukittinggi.city';
import { makeNip, personName } from '../city/people';
import type { ScenarioSize } from '../scenario-sizes';
import type { SeededRandom } from './seeded-random';

export interface StaffPlan {
  nip: string;
  name: string;
  employmentType: 'PNS' | 'PPPK';
  position: string;
  workUnit: { opd: string; serviceUnit: string | null };
}

/**
 * The roster: staff of every service unit (puskesmas, counters) and the office staff of every OPD.
 * About one in five is PPPK (contract staff), as in most Indonesian cities since 2021.
 */
export function planStaff(rng: SeededRandom, size: ScenarioSize, thisYear: number): StaffPlan[] {
  const taken = new Set<string>();
  const staff: StaffPlan[] = [];
  const person = (r: SeededRandom, positions: string[], workUnit: StaffPlan['workUnit']) => {
    const gender = r.chance(0.55) ? 2 : 1;
    const employmentType = r.chance(0.2) ? 'PPPK' : 'PNS';
    staff.push({
      nip: makeNip(r, employmentType, gender, thisYear, taken),
      name: personName(r, gender),
      employmentType,
      position: r.pick(positions),
      workUnit,
    });
  };
  for (const unit of SERVICE_UNITS) {
    const r = rng.fork(`unit:${unit.code}`);
    const count = Math.max(3, Math.round(size.staffPerUnit * unit.weight));
    for (let i = 0; i < count; i++) person(r, unitPositions(unit), { opd: unit.opd, serviceUnit: unit.code });
  }
  for (const opd of OPDS) {
    const r = rng.fork(`opd:${opd.code}`);
    const count = Math.max(2, Math.round(size.staffPerOpd * opd.weight));
    for (let i = 0; i < count; i++) person(r, opd.positions, { opd: opd.code, serviceUnit: null });
  }
  return staff;
}

/** The staff a programme's audience names: all staff of its units, the office staff of its OPDs. */
export function audienceOf(staff: StaffPlan[], audience: { units?: string[]; opds?: string[] }): StaffPlan[] {
  return staff.filter((s) =>
    s.workUnit.serviceUnit
      ? (audience.units ?? []).includes(s.workUnit.serviceUnit)
      : (audience.opds ?? []).includes(s.workUnit.opd),
  );
}

/** A transfer to another OPD, or a departure (retirement, resignation), effective on a date. */
export type StaffMovement = { nip: string; effectiveOn: string } & (
  { kind: 'transfer'; to: { opd: string } } | { kind: 'departure'; reason: 'retired' | 'resigned' }
);

/** A few office staff move to another OPD or retire this month: the roster keeps their history. */
export function planMovements(
  rng: SeededRandom,
  staff: StaffPlan[],
  opds: string[],
  effectiveOn: string,
): StaffMovement[] {
  return staff
    .filter((s) => !s.workUnit.serviceUnit)
    .flatMap((s): StaffMovement[] => {
      const x = rng.next();
      if (x < 0.03)
        return [
          {
            nip: s.nip,
            kind: 'transfer',
            to: { opd: rng.pick(opds.filter((o) => o !== s.workUnit.opd)) },
            effectiveOn,
          },
        ];
      if (x < 0.045)
        return [
          {
            nip: s.nip,
            kind: 'departure',
            reason: Number(s.nip.slice(0, 4)) < 1970 ? 'retired' : 'resigned',
            effectiveOn,
          },
        ];
      return [];
    });
}
