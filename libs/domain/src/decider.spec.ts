import { Decider, fold, givenEvents } from './decider';

// A toy counter, only to pin down the decider helpers' contract.
type Event = { type: 'JpCredited'; data: { jp: number } };
type Command = { type: 'CreditJp'; jp: number };
const ledger: Decider<Command, { total: number }, Event> = {
  initialState: () => ({ total: 0 }),
  evolve: (s, e) => ({ total: s.total + e.data.jp }),
  decide: (c, s) => {
    if (s.total + c.jp > 24) throw new Error('more than 24 JP');
    return [{ type: 'JpCredited', data: { jp: c.jp } }];
  },
};

describe('deciders', () => {
  it('fold events into state from the initial state', () => {
    expect(
      fold(ledger, [
        { type: 'JpCredited', data: { jp: 8 } },
        { type: 'JpCredited', data: { jp: 4 } },
      ]),
    ).toEqual({ total: 12 });
  });

  it('read as given–when–then', () => {
    expect(givenEvents(ledger, [{ type: 'JpCredited', data: { jp: 20 } }]).when({ type: 'CreditJp', jp: 4 })).toEqual([
      { type: 'JpCredited', data: { jp: 4 } },
    ]);
    expect(() =>
      givenEvents(ledger, [{ type: 'JpCredited', data: { jp: 20 } }]).when({ type: 'CreditJp', jp: 5 }),
    ).toThrow(/24 JP/);
  });
});
