import type { ServiceUnitKind, SkmElement, SkmScores } from '@kompeten/contracts';

/**
 * An element is weak below the lower edge of grade B read on one element: IKM = NRR × 25 for a single
 * element, and B begins at 76.61 (PermenPANRB 14/2017), so NRR < 76.61 / 25 = 3.0644.
 */
export const WEAK_NRR = 76.61 / 25;

const PUSKESMAS: ServiceUnitKind = 'puskesmas';

/**
 * The SKM elements training can move, and the competency that trains each. Only the staff elements:
 * u6 competence of the staff, u7 their behaviour, u8 how they handle complaints. The others —
 * requirements, procedures, time, cost, product, facilities — are rules, money and buildings, which
 * no course trains away, so a low score there makes no plan line. *Unverified* mapping (config): the
 * seed's puskesmas case trained communication and patient management.
 */
export const TRAINABLE_ELEMENTS: readonly [SkmElement, (kind: string | null) => string][] = [
  ['u6', (kind) => (kind === PUSKESMAS ? 'patient-management' : 'pelayanan-publik')],
  ['u7', () => 'komunikasi'],
  ['u8', () => 'pelayanan-publik'],
];

export interface WeakElement {
  unitCode: string;
  period: string;
  element: SkmElement;
  nrr: number;
  /** The competency a plan line trains for it. */
  competencyArea: string;
}

/** A service unit's latest closed SKM period (unit_ikm). */
export interface UnitIkm {
  unitCode: string;
  kind: string | null;
  period: string | null;
  nrr: SkmScores | null;
}

/** The weak trainable elements of a unit's latest closed period, in element order. */
export function weakElements(unit: UnitIkm): WeakElement[] {
  const { nrr, period } = unit;
  if (nrr === null || period === null) return [];
  return TRAINABLE_ELEMENTS.filter(([element]) => nrr[element] < WEAK_NRR).map(([element, area]) => ({
    unitCode: unit.unitCode,
    period,
    element,
    nrr: nrr[element],
    competencyArea: area(unit.kind),
  }));
}
