import { OPDS, SERVICE_UNITS, unitPositions } from '../city/bukittinggi.city';
import { makeNip, personName } from '../city/people';
import { addDays, daysBetween } from '@kompeten/domain';
import type { ScenarioSize } from '../scenario-sizes';
import { maxDate } from './calendar';
import type { SeededRandom } from './seeded-random';

export interface StaffPlan {
  nip: string;
  name: string;
  employmentType: 'PNS' | 'PPPK';
  position: string;
  workUnit: { opd: string; serviceUnit: string | null };
  /** Serving in this work unit since (before the history begins): registered with the real date. */
  registeredOn: string;
  /** In the current position since (on or after `registeredOn`, before the history begins). */
  positionSince: string;
}

/** How far before the history a staff member may have joined their unit (never before their appointment). */
const SERVED_BEFORE_HISTORY_DAYS = 3 * 365;

/**
 * When a staff member began serving here and took the position, before the history's first day: a
 * PNS joined the unit after the appointment in their NIP (TMT CPNS, digits 9–14), at most three years
 * before the history; a PPPK's registration is the start of the contract (the same digits), from which
 * the contract years run. Staff serving before go-live are registered with these dates, so the
 * correlation report counts them in every unit-period of the history.
 */
function serviceDates(
  rng: SeededRandom,
  nip: string,
  employmentType: StaffPlan['employmentType'],
  historyStart: string,
) {
  const appointed = `${nip.slice(8, 12)}-${nip.slice(12, 14)}-01`;
  const earliest = maxDate(appointed, addDays(historyStart, -SERVED_BEFORE_HISTORY_DAYS));
  const latest = addDays(historyStart, -1);
  const registeredOn =
    employmentType === 'PPPK' ? appointed : addDays(earliest, rng.int(0, Math.max(0, daysBetween(earliest, latest))));
  const positionSince = rng.chance(0.7)
    ? registeredOn
    : addDays(registeredOn, rng.int(0, Math.max(0, daysBetween(registeredOn, latest))));
  return { registeredOn, positionSince };
}

/**
 * The roster: staff of every service unit (puskesmas, counters) and the office staff of every OPD.
 * About one in five is PPPK (contract staff), as in most Indonesian cities since 2021. All of them
 * served before `historyStart` (the first day of the generated history).
 */
export function planStaff(rng: SeededRandom, size: ScenarioSize, historyStart: string): StaffPlan[] {
  const taken = new Set<string>();
  const staff: StaffPlan[] = [];
  const latestAppointment = Number(historyStart.slice(0, 4)) - 1;
  const person = (r: SeededRandom, positions: string[], workUnit: StaffPlan['workUnit']) => {
    const gender = r.chance(0.55) ? 2 : 1;
    const employmentType = r.chance(0.2) ? 'PPPK' : 'PNS';
    const nip = makeNip(r, employmentType, gender, latestAppointment, taken);
    staff.push({
      nip,
      name: personName(r, gender),
      employmentType,
      position: r.pick(positions),
      workUnit,
      // A stream of its own: the dates do not move anyone else's NIP or name.
      ...serviceDates(rng.fork(`service:${nip}`), nip, employmentType, historyStart),
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
