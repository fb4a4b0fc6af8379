import ICAL from 'ical.js';
import { session } from '../../test/programme.mother';
import { staffFeed, unitFeed, type FeedProgramme } from './ical-feed';

const options = { name: 'Pelatihan', timeZone: 'Asia/Jakarta', stamp: new Date('2026-01-20T03:00:00Z') };
const NIP = '198001012010011001';
const programme = (over: Partial<FeedProgramme> = {}): FeedProgramme => ({
  programmeId: 'kom-efektif-2026',
  details: {
    title: 'Komunikasi efektif',
    jp: 24,
    sessions: [
      session('s1', '2026-02-02', 'Hari 1', {
        startTime: '08:00',
        endTime: '12:30',
        venue: 'Aula Dinkes',
        onlineUrl: 'https://meet.example.go.id/kom',
        trainer: 'dr. Rina',
      }),
      session('s2', '2026-02-03', 'Hari 2'),
    ],
  },
  staff: [{ nip: NIP, status: 'confirmed' }],
  ...over,
});

/** The feed as a calendar app reads it (ical.js, with the feed's own VTIMEZONE). */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) })),
  };
}

describe('a staff member’s calendar feed', () => {
  const { calendar, events } = parse(staffFeed(NIP, [programme()], options));

  it('is an iCalendar with the city’s time zone described once', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'))).toEqual([
      'Asia/Jakarta',
    ]);
  });

  it('has one event per session, with a UID naming programme, session and staff member', () => {
    expect(events.map(({ e }) => e.uid)).toEqual([
      `kom-efektif-2026.s1.${NIP}@kompeten`,
      `kom-efektif-2026.s2.${NIP}@kompeten`,
    ]);
  });

  it('times a session in the city’s zone: 08:00–12:30 WIB is 01:00–05:30 UTC', () => {
    const [{ e }] = events;
    expect(e.startDate.zone.tzid).toBe('Asia/Jakarta');
    expect([e.startDate.toString(), e.endDate.toString()]).toEqual(['2026-02-02T08:00:00', '2026-02-02T12:30:00']);
    expect(e.startDate.toJSDate().toISOString()).toBe('2026-02-02T01:00:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2026-02-02T05:30:00.000Z');
  });

  it('makes a session without a time a whole-day event (DATE values, ending the next day)', () => {
    const { e } = events[1];
    expect(e.startDate.isDate).toBe(true);
    expect([e.startDate.toString(), e.endDate.toString()]).toEqual(['2026-02-03', '2026-02-04']);
  });

  it('says where, with whom, what it counts for, and that the seat is confirmed', () => {
    const { v, e } = events[0];
    expect(e.location).toBe('Aula Dinkes');
    expect(v.getFirstPropertyValue('url')).toBe('https://meet.example.go.id/kom');
    expect(e.summary).toBe('Komunikasi efektif: Hari 1');
    expect(e.description).toContain('Trainer: dr. Rina');
    expect(e.description).toContain('(24 JP)');
    expect(e.description).toContain('Online: https://meet.example.go.id/kom');
    expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(v.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-01-20T03:00:00Z');
  });

  it('marks a seat still waiting for funds or the unit head’s release as tentative', () => {
    for (const status of ['pending-funds', 'awaiting-release']) {
      const { events: waiting } = parse(staffFeed(NIP, [programme({ staff: [{ nip: NIP, status }] })], options));
      expect(waiting.map(({ v }) => v.getFirstPropertyValue('status'))).toEqual(['TENTATIVE', 'TENTATIVE']);
    }
  });

  it('gives an online-only session its link as the location', () => {
    const online = programme();
    online.details.sessions = [
      session('s1', '2026-02-02', 'Daring', { startTime: '13:00', endTime: '15:00', onlineUrl: 'https://x.go.id/a' }),
    ];
    expect(parse(staffFeed(NIP, [online], options)).events[0].e.location).toBe('https://x.go.id/a');
  });

  it('ends a whole day that is the last of its month on the first of the next', () => {
    const last = programme();
    last.details.sessions = [session('s1', '2026-02-28', 'Penutupan')];
    const [{ e }] = parse(staffFeed(NIP, [last], options)).events;
    expect([e.startDate.toString(), e.endDate.toString()]).toEqual(['2026-02-28', '2026-03-01']);
  });

  it('escapes text and folds lines at 75 octets (UTF-8), CRLF-terminated, and reads back the same', () => {
    const long = programme();
    const title = 'Pelatihan “Kepemimpinan; Etika, dan Pelayanan” – ' + 'Kesehatan ibu & anak 🩺 '.repeat(6);
    long.details = { ...long.details, title };
    long.details.sessions = [session('s1', '2026-02-02', 'Hari 1', { venue: 'Aula; Lt. 2, Dinkes\\Kota' })];
    const text = staffFeed(NIP, [long], options);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(3);
    const [{ e }] = parse(text).events;
    expect(e.summary).toBe(`${title}: Hari 1`);
    expect(e.location).toBe('Aula; Lt. 2, Dinkes\\Kota');
    expect(e.description.split('\n')[0]).toBe(`Programme: ${title} (24 JP)`);
  });

  it('is an empty calendar when there is nothing to attend', () => {
    expect(parse(staffFeed(NIP, [], options)).events).toEqual([]);
  });
});

describe('a unit’s calendar feed', () => {
  const staff = [
    { nip: NIP, status: 'confirmed' },
    { nip: '198001022010011002', status: 'awaiting-release' },
  ];
  const { events } = parse(unitFeed('PUSKESMAS-GULAI-BANCAH', [programme({ staff })], options));

  it('has one event per session for the whole unit, listing its staff by NIP with the counts', () => {
    expect(events.map(({ e }) => e.uid)).toEqual([
      'kom-efektif-2026.s1.PUSKESMAS-GULAI-BANCAH@kompeten',
      'kom-efektif-2026.s2.PUSKESMAS-GULAI-BANCAH@kompeten',
    ]);
    const { v, e } = events[0];
    expect(e.description).toContain('2 staff (1 confirmed, 1 tentative)');
    expect(e.description).toContain(`${NIP} (confirmed)`);
    expect(e.description).toContain('198001022010011002 (awaiting-release)');
    expect(v.getFirstPropertyValue('x-kompeten-staff-count')).toBe('2');
    expect(v.getFirstPropertyValue('x-kompeten-confirmed-count')).toBe('1');
    expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });
});
