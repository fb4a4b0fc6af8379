/**
 * The 20-JP ledger (PP 11/2017 art. 203(4)): each PNS has the right to at least 20 JP of competency
 * development a year; PPPK staff at most 24 JP per contract year.
 */
export const JP_RIGHT_PNS = 20;
export const JP_CAP_PPPK = 24;

export interface LedgerYear {
  year: number;
  jpCompleted: number;
  target: number | null;
  cap: number | null;
  belowTarget: boolean;
  overCap: boolean;
}

export function ledgerYear(employmentType: string, year: number, jpCompleted: number): LedgerYear {
  const pns = employmentType === 'PNS';
  return {
    year,
    jpCompleted,
    target: pns ? JP_RIGHT_PNS : null,
    cap: pns ? null : JP_CAP_PPPK,
    belowTarget: pns && jpCompleted < JP_RIGHT_PNS,
    overCap: !pns && jpCompleted > JP_CAP_PPPK,
  };
}
