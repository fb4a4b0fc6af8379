import { ledgerYear } from './jp-ledger';

describe('the JP ledger', () => {
  it('counts a PNS below 20 JP as below their right, and at 20 as meeting it', () => {
    expect(ledgerYear('PNS', 2026, 19)).toMatchObject({ target: 20, belowTarget: true, overCap: false });
    expect(ledgerYear('PNS', 2026, 20)).toMatchObject({ belowTarget: false });
  });
  it('holds PPPK staff to a cap of 24 JP rather than a minimum', () => {
    expect(ledgerYear('PPPK', 2026, 0)).toMatchObject({ target: null, cap: 24, belowTarget: false, overCap: false });
    expect(ledgerYear('PPPK', 2026, 25)).toMatchObject({ overCap: true });
  });
});
