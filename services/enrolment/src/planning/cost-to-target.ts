import { JP_RIGHT_PNS } from '../queries/jp-ledger';

/**
 * What it costs to bring every active PNS of an OPD to the 20 JP of their right in a year
 * (PP 11/2017 art. 203(4)), worked in docs/planning/shortage-and-plan-vs-actual.md. Pure: the
 * handler reads the figures, this does the arithmetic, so the spec can check it by hand.
 */

/** Rupiah and JP summed over a set of enrolments. */
export interface Charged {
  cost: number;
  jp: number;
}

export interface Shortfall {
  /** Active PNS (PPPK have a cap, not a right: DOMAIN.md). */
  pns: number;
  belowTarget: number;
  /** Σ max(0, 20 − JP credited in the year) over them. */
  jpShort: number;
}

/** Each active PNS's JP credited in the year → who is short, and by how many JP in all. */
export function shortfallOf(jpCredited: readonly number[]): Shortfall {
  const short = jpCredited.map((jp) => Math.max(0, JP_RIGHT_PNS - jp));
  return {
    pns: jpCredited.length,
    belowTarget: short.filter((s) => s > 0).length,
    jpShort: short.reduce((a, b) => a + b, 0),
  };
}

export type MixBasis = 'opd' | 'city' | 'klasikal';

/**
 * The rupiah per JP the OPD pays now: Σ cost / Σ JP of its enrolments charged to the year, to the
 * whole rupiah. An OPD that enrolled nobody yet takes the city's mix; a city with no enrolments yet,
 * the klasikal unit cost — the form most training still takes, so the estimate errs high, not low.
 */
export function currentMix(opd: Charged, city: Charged, klasikalCostPerJp: number) {
  if (opd.jp > 0) return { basis: 'opd' as MixBasis, costPerJp: Math.round(opd.cost / opd.jp) };
  if (city.jp > 0) return { basis: 'city' as MixBasis, costPerJp: Math.round(city.cost / city.jp) };
  return { basis: 'klasikal' as MixBasis, costPerJp: klasikalCostPerJp };
}

/**
 * The share limits of the cheapest mix, in whole percent (integer arithmetic: 0.1 × 30 is
 * 3.0000000000000004 in floating point, and its ceiling would be 4). *Unverified* policy: how much
 * of a PNS's development may be e-learning or magang is the city's rule — config, not regulation.
 * Exactly one form has no maximum: it takes the rest, so every shortfall can be covered.
 */
export const MIX_LIMITS = [
  { form: 'e-learning', minPercent: 0, maxPercent: 60 },
  { form: 'magang', minPercent: 0, maxPercent: 30 },
  { form: 'klasikal', minPercent: 10, maxPercent: null },
] as const;
export type MixForm = (typeof MIX_LIMITS)[number]['form'];

export interface MixPart {
  form: MixForm;
  jp: number;
  /** jp / the shortfall (0 when there is none). */
  share: number;
  costPerJp: number;
  rupiah: number;
}

/**
 * The cheapest way to cover `jpShort` JP within the limits. Each form first gets its minimum
 * (rounded up), then the rest goes to the cheapest form first, each up to its maximum (rounded down).
 * Greedy is optimal here: the cost is linear and the only constraint joining the forms is their sum,
 * so a mix that uses a dearer form while a cheaper one still has room is improved by moving one JP
 * across — the greedy mix is the one where no such move exists. Integer bounds keep it whole JP.
 * Equal costs keep the order of MIX_LIMITS (stable sort), so the answer is deterministic.
 */
export function cheapestMix(jpShort: number, costPerJp: Readonly<Record<MixForm, number>>) {
  const jp = new Map<MixForm, number>(MIX_LIMITS.map((l) => [l.form, Math.ceil((jpShort * l.minPercent) / 100)]));
  let rest = jpShort - [...jp.values()].reduce((a, b) => a + b, 0);
  for (const l of [...MIX_LIMITS].sort((a, b) => costPerJp[a.form] - costPerJp[b.form])) {
    const cap = l.maxPercent === null ? Infinity : Math.floor((jpShort * l.maxPercent) / 100);
    const add = Math.max(0, Math.min(rest, cap - (jp.get(l.form) ?? 0)));
    jp.set(l.form, (jp.get(l.form) ?? 0) + add);
    rest -= add;
  }
  const forms: MixPart[] = MIX_LIMITS.map(({ form }) => {
    const n = jp.get(form) ?? 0;
    return {
      form,
      jp: n,
      share: jpShort > 0 ? n / jpShort : 0,
      costPerJp: costPerJp[form],
      rupiah: n * costPerJp[form],
    };
  });
  return { rupiah: forms.reduce((a, f) => a + f.rupiah, 0), forms };
}

export interface CostToTargetInput {
  /** JP credited in the year to each active PNS of the OPD. */
  jpCredited: readonly number[];
  opd: Charged;
  city: Charged;
  /** The year's current cost per JP of each form (unit-costs.ts). */
  unitCosts: Readonly<Record<MixForm, number>>;
}

/** The shortfall, its price at the OPD's current mix, and at the cheapest mix the limits allow. */
export function costToTarget({ jpCredited, opd, city, unitCosts }: CostToTargetInput) {
  const shortfall = shortfallOf(jpCredited);
  const mix = currentMix(opd, city, unitCosts.klasikal);
  return {
    ...shortfall,
    atCurrentMix: { ...mix, rupiah: shortfall.jpShort * mix.costPerJp },
    cheapestMix: cheapestMix(shortfall.jpShort, unitCosts),
  };
}
