import { addDays } from '@kompeten/domain';

/**
 * The JP ledger. Source: DOMAIN.md, "Civil-servant competency": each PNS has the right to at least
 * 20 JP of competency development a year (PP 11/2017 art. 203(4)) — the calendar year; PPPK (contract
 * staff) at most 24 JP per *contract* year, so a PPPK's ledger year runs from the anniversary of the
 * contract's start (`registeredOn`, which the API documents as the contract's start for PPPK), not
 * from 1 January. DOMAIN.md gives PPPK no minimum, so a PPPK year is never "below target".
 *
 * Every year from the one registration falls in to the one `until` falls in (the city's today, or the
 * day they left) is listed, a year with no training at 0 JP: a missing year is a year the right was
 * not met, and hiding it is what an auditor would catch. JP count in the year of completion.
 */
export const JP_RIGHT_PNS = 20;
export const JP_CAP_PPPK = 24;

export interface LedgerYear {
  /** PNS: the calendar year; PPPK: the year the contract year begins. */
  year: number;
  from: string;
  to: string;
  jpCompleted: number;
  target: number | null;
  cap: number | null;
  belowTarget: boolean;
  overCap: boolean;
}

export interface LedgerInput {
  employmentType: string;
  /** Business dates, `YYYY-MM-DD`, in the city's calendar. */
  registeredOn: string;
  until: string;
  completions: { completedOn: string; jp: number }[];
}

export function jpLedger({ employmentType, registeredOn, until, completions }: LedgerInput): LedgerYear[] {
  const years = employmentType === 'PPPK' ? contractYears(registeredOn) : calendarYears(registeredOn);
  const indexes = completions.map((c) => years.indexOf(c.completedOn));
  // A completion outside registration…until (data from before these rules) still shows, in its own year.
  const first = Math.min(0, ...indexes);
  const last = Math.max(0, years.indexOf(until), ...indexes);
  const ledger: LedgerYear[] = [];
  for (let k = first; k <= last; k++) {
    const jp = completions.filter((_, i) => indexes[i] === k).reduce((sum, c) => sum + c.jp, 0);
    ledger.push(ledgerYear(employmentType, years.period(k), jp));
  }
  return ledger;
}

export function ledgerYear(
  employmentType: string,
  period: { year: number; from: string; to: string },
  jpCompleted: number,
): LedgerYear {
  const pns = employmentType === 'PNS';
  return {
    ...period,
    jpCompleted,
    target: pns ? JP_RIGHT_PNS : null,
    cap: pns ? null : JP_CAP_PPPK,
    belowTarget: pns && jpCompleted < JP_RIGHT_PNS,
    overCap: !pns && jpCompleted > JP_CAP_PPPK,
  };
}

/** Ledger years numbered from the one registration falls in (0); earlier ones are negative. */
interface LedgerYears {
  period(k: number): { year: number; from: string; to: string };
  indexOf(date: string): number;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

function calendarYears(registeredOn: string): LedgerYears {
  const first = yearOf(registeredOn);
  return {
    period: (k) => ({ year: first + k, from: `${first + k}-01-01`, to: `${first + k}-12-31` }),
    indexOf: (date) => yearOf(date) - first,
  };
}

function contractYears(registeredOn: string): LedgerYears {
  const first = yearOf(registeredOn);
  const start = (k: number) => anniversary(registeredOn, first + k);
  return {
    period: (k) => ({ year: first + k, from: start(k), to: addDays(start(k + 1), -1) }),
    indexOf: (date) => {
      const k = yearOf(date) - first;
      return date < start(k) ? k - 1 : k;
    },
  };
}

/** The contract's anniversary in a year; a contract begun on 29 February has it on the 28th in other years. */
function anniversary(start: string, year: number): string {
  const monthDay = start.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}
