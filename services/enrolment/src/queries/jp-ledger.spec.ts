import { jpLedger, ledgerYear } from './jp-ledger';

const CAL_2026 = { year: 2026, from: '2026-01-01', to: '2026-12-31' };

describe('the JP ledger', () => {
  it('counts a PNS below 20 JP as below their right, and at 20 as meeting it', () => {
    expect(ledgerYear('PNS', CAL_2026, 19)).toMatchObject({ target: 20, belowTarget: true, overCap: false });
    expect(ledgerYear('PNS', CAL_2026, 20)).toMatchObject({ belowTarget: false });
  });
  it('holds PPPK staff to a cap of 24 JP rather than a minimum', () => {
    expect(ledgerYear('PPPK', CAL_2026, 0)).toMatchObject({
      target: null,
      cap: 24,
      belowTarget: false,
      overCap: false,
    });
    expect(ledgerYear('PPPK', CAL_2026, 25)).toMatchObject({ overCap: true });
  });

  describe('given a PNS registered with their real date before go-live', () => {
    const pns = (completions: { completedOn: string; jp: number }[], until = '2026-12-07') =>
      jpLedger({ employmentType: 'PNS', registeredOn: '2023-05-02', until, completions });

    it('when they trained in one year only, every year since registration shows, the empty ones at 0 JP below target', () => {
      expect(pns([{ completedOn: '2025-03-04', jp: 24 }])).toEqual([
        {
          year: 2023,
          from: '2023-01-01',
          to: '2023-12-31',
          jpCompleted: 0,
          target: 20,
          cap: null,
          belowTarget: true,
          overCap: false,
        },
        {
          year: 2024,
          from: '2024-01-01',
          to: '2024-12-31',
          jpCompleted: 0,
          target: 20,
          cap: null,
          belowTarget: true,
          overCap: false,
        },
        {
          year: 2025,
          from: '2025-01-01',
          to: '2025-12-31',
          jpCompleted: 24,
          target: 20,
          cap: null,
          belowTarget: false,
          overCap: false,
        },
        {
          year: 2026,
          from: '2026-01-01',
          to: '2026-12-31',
          jpCompleted: 0,
          target: 20,
          cap: null,
          belowTarget: true,
          overCap: false,
        },
      ]);
    });

    it('when they never trained, the ledger still lists each year at 0 JP', () => {
      expect(pns([]).map((y) => [y.year, y.jpCompleted, y.belowTarget])).toEqual([
        [2023, 0, true],
        [2024, 0, true],
        [2025, 0, true],
        [2026, 0, true],
      ]);
    });

    it('when they left, the ledger ends in the year they left', () => {
      expect(pns([], '2024-09-30').map((y) => y.year)).toEqual([2023, 2024]);
    });

    it('sums the JP of a year and counts each completion in the year it was completed', () => {
      const ledger = pns([
        { completedOn: '2026-01-01', jp: 8 },
        { completedOn: '2025-12-31', jp: 12 },
        { completedOn: '2026-06-15', jp: 12 },
      ]);
      expect(ledger.find((y) => y.year === 2025)).toMatchObject({ jpCompleted: 12, belowTarget: true });
      expect(ledger.find((y) => y.year === 2026)).toMatchObject({ jpCompleted: 20, belowTarget: false });
    });
  });

  describe('given a PPPK whose contract began on 15 July 2024', () => {
    const pppk = (completions: { completedOn: string; jp: number }[], until = '2026-12-07') =>
      jpLedger({ employmentType: 'PPPK', registeredOn: '2024-07-15', until, completions });

    it('runs the ledger year from the contract anniversary, not from 1 January', () => {
      expect(pppk([]).map(({ year, from, to }) => ({ year, from, to }))).toEqual([
        { year: 2024, from: '2024-07-15', to: '2025-07-14' },
        { year: 2025, from: '2025-07-15', to: '2026-07-14' },
        { year: 2026, from: '2026-07-15', to: '2027-07-14' },
      ]);
    });

    it('applies the 24 JP cap per contract year: 16 JP in March and 16 JP in September of 2025 fall in different years', () => {
      const ledger = pppk([
        { completedOn: '2025-03-10', jp: 16 },
        { completedOn: '2025-09-10', jp: 16 },
      ]);
      expect(ledger.map((y) => [y.year, y.jpCompleted, y.overCap])).toEqual([
        [2024, 16, false],
        [2025, 16, false],
        [2026, 0, false],
      ]);
    });

    it('flags a contract year over 24 JP even when the calendar years would not be', () => {
      const ledger = pppk([
        { completedOn: '2025-11-10', jp: 16 },
        { completedOn: '2026-02-10', jp: 16 },
      ]);
      expect(ledger.find((y) => y.year === 2025)).toMatchObject({ jpCompleted: 32, overCap: true, belowTarget: false });
    });

    it('keeps the anniversary day itself in the new contract year', () => {
      const ledger = pppk([
        { completedOn: '2025-07-15', jp: 8 },
        { completedOn: '2025-07-14', jp: 4 },
      ]);
      expect(ledger.slice(0, 2).map((y) => y.jpCompleted)).toEqual([4, 8]);
    });
  });

  it('gives a contract begun on 29 February its anniversary on the 28th in other years', () => {
    const ledger = jpLedger({
      employmentType: 'PPPK',
      registeredOn: '2024-02-29',
      until: '2025-03-01',
      completions: [],
    });
    expect(ledger.map(({ from, to }) => [from, to])).toEqual([
      ['2024-02-29', '2025-02-27'],
      ['2025-02-28', '2026-02-27'],
    ]);
  });

  it('still shows a completion dated before the registration (older data) in its own year', () => {
    const ledger = jpLedger({
      employmentType: 'PNS',
      registeredOn: '2026-12-07',
      until: '2026-12-07',
      completions: [
        { completedOn: '2026-02-03', jp: 12 },
        { completedOn: '2025-11-03', jp: 4 },
      ],
    });
    expect(ledger.map((y) => [y.year, y.jpCompleted])).toEqual([
      [2025, 4],
      [2026, 12],
    ]);
  });
});
