import type { ProgrammeEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import {
  BEFORE,
  confirmed,
  enrol,
  fundsCommitted,
  fundsRejected,
  given,
  whenEnrolled,
  withdraw,
} from '../../test/programme.mother';
import type { ProgrammeCommand } from './programme.commands';
import { programmeDecider } from './programme.decider';
import { foldProgrammeStream, freshEntry } from './programme-cache';
import { PROGRAMME_OWN_TYPES } from './programme-streams';
import { stateFor } from './run-programme-command';
import { seatCondition } from './seat-condition';
import { SeatLedger, waitlistHead } from './seat-ledger';

/** The history as stored: event i at global position i + 1, in one stream or split by participant. */
const stored = (events: ProgrammeEvent[], split: boolean) => {
  const versions = new Map<string, number>();
  return events.map((e, i) => {
    const own = PROGRAMME_OWN_TYPES.includes(e.type);
    const streamId = own || !split ? 'programme-p1' : `programme-p1/${(e.data as { nip: string }).nip}`;
    versions.set(streamId, (versions.get(streamId) ?? 0) + 1);
    return { type: e.type, data: e.data, streamId, streamVersion: versions.get(streamId)!, position: i + 1 };
  }) as StoredEvent<ProgrammeEvent>[];
};

/** What a replica decides: the programme stream, the seat ledger, and only the commanded participant's stream. */
function decideAsReplica(events: ProgrammeEvent[], command: ProgrammeCommand, split: boolean) {
  const all = stored(events, split);
  const entry = freshEntry('p1');
  foldProgrammeStream(
    entry,
    all.filter((e) => e.streamId === 'programme-p1'),
  );
  entry.seats.applySubStreamEvents(all.filter((e) => e.streamId !== 'programme-p1'));
  const nip = 'nip' in command ? command.nip : null;
  const own = all.filter((e) => nip && e.streamId === `programme-p1/${nip}`);
  const ledgerBefore = JSON.stringify([...entry.seats.seats]);
  const decided = programmeDecider.decide(command, stateFor(entry, nip, own));
  // Deciding never changes the shared ledger: it is changed only by events read back from the store.
  expect(JSON.stringify([...entry.seats.seats])).toBe(ledgerBefore);
  return decided;
}

/** Three seats, five enrolled: a, b, c hold seats, d and e wait (in that order). */
const full = () => [...whenEnrolled(['a', 'b', 'c', 'd', 'e'], { capacity: 3 }), confirmed('a')];

const scenarios: [string, ProgrammeEvent[], ProgrammeCommand][] = [
  ['a newcomer to a full programme', full(), enrol('f')],
  ['a withdrawal that frees a seat for the first in line', full(), withdraw('b')],
  ['a confirmed participant withdrawing', full(), withdraw('a')],
  ['the budget refusing funds', full(), fundsRejected('c')],
  ['more capacity', full(), { type: 'ReviseProgramme', changes: { capacity: 5 }, today: BEFORE }],
  ['a cancellation', full(), { type: 'CancelProgramme', reason: 'trainer ill' }],
  [
    'funds committed for an enrolment waitlisted for funds while others wait',
    [...full(), ...given(...full()).when(fundsRejected('c'))],
    fundsCommitted('c'),
  ],
  ['attendance', full(), { type: 'RecordAttendance', nip: 'a', sessionId: 's1', attended: true }],
];

describe('a replica deciding on the seat ledger and one participant’s stream', () => {
  it.each(scenarios)('decides %s as the whole history would, in participant streams', (_, events, command) => {
    expect(decideAsReplica(events, command, true)).toEqual(given(...events).when(command));
  });
  it.each(scenarios)(
    'decides %s as the whole history would, in a programme stream from before issue 23',
    (_, events, command) => {
      expect(decideAsReplica(events, command, false)).toEqual(given(...events).when(command));
    },
  );
});

describe('the seat ledger', () => {
  const ledgerOf = (events: ProgrammeEvent[]) => {
    const ledger = new SeatLedger();
    ledger.applySubStreamEvents(stored(events, true).filter((e) => !PROGRAMME_OWN_TYPES.includes(e.type)));
    return ledger;
  };

  it('counts the seats held and queues the waitlist in the order the enrolments were made', () => {
    const ledger = ledgerOf(full());
    expect(ledger.taken).toBe(3);
    expect(ledger.queue.map((s) => s.nip)).toEqual(['d', 'e']);
  });

  it('keeps a returning enrolment’s place: funds came, no seat, back before those who enrolled later', () => {
    const events = full();
    const rejected = [...events, ...given(...events).when(fundsRejected('c'))]; // d promoted, e waits
    const returned = [
      ...rejected,
      ...given(...rejected).when(enrol('f')),
      ...given(...rejected).when(fundsCommitted('c')),
    ];
    expect(ledgerOf(returned).queue.map((s) => s.nip)).toEqual(['c', 'e', 'f']);
  });

  it('folds each event once, however many reads overlap', () => {
    const ledger = new SeatLedger();
    const events = stored(full(), true).filter((e) => !PROGRAMME_OWN_TYPES.includes(e.type));
    ledger.applySubStreamEvents(events.slice(0, 4));
    ledger.applySubStreamEvents(events);
    expect([ledger.taken, ledger.queue.length, ledger.position]).toEqual([3, 2, events[events.length - 1].position]);
  });

  it('answers who is next after a decision without touching the ledger', () => {
    const ledger = ledgerOf(full());
    const view = ledger.view();
    const head = waitlistHead(view, 5);
    expect(head.map((s) => s.nip)).toEqual(['d', 'e']);
    expect(waitlistHead(view, 1).map((s) => s.nip)).toEqual(['d']);
  });
});

describe('the condition a decision appends on', () => {
  const stateOf = () => stateFor(Object.assign(freshEntry('p1'), { seats: new SeatLedger() }), null, []);
  it('asks that no seat event came after what an enrolment read', () => {
    expect(seatCondition(enrol('f'), stateOf(), 'programme-p1', 42)).toEqual({
      noneAfter: { parent: 'programme-p1', types: expect.arrayContaining(['StaffEnrolled']) as unknown, position: 42 },
    });
  });
  it('asks nothing of the seats for attendance, statements or completion: participants never contend', () => {
    expect(
      seatCondition(
        { type: 'RecordAttendance', nip: 'a', sessionId: 's1', attended: true },
        stateOf(),
        'programme-p1',
        42,
      ),
    ).toEqual({});
  });
  it('asks it of funds committed only for an enrolment waitlisted for funds', () => {
    expect(seatCondition(fundsCommitted('a'), stateOf(), 'programme-p1', 1)).toEqual({});
  });
});
