import { formatCursor, LiveEvent, mayWatch, parseCursor } from './live-event';

const event = (data: Record<string, unknown>): LiveEvent => ({
  service: 'enrolment',
  position: 1,
  eventId: 'e',
  type: 'StaffEnrolled',
  schemaVersion: 1,
  streamId: 's',
  occurredAt: '',
  recordedAt: '',
  correlationId: 'c',
  data,
});

describe('the live feed', () => {
  it('round-trips a resume cursor, ignoring garbage', () => {
    expect(parseCursor('enrolment:120, budget:55,nonsense,feedback:x')).toEqual({ enrolment: 120, budget: 55 });
    expect(formatCursor({ enrolment: 120, budget: 55 })).toBe('budget:55,enrolment:120');
  });
  it('shows a unit-head their unit’s events and staff their own', () => {
    const dinkes = event({ nip: '1', workUnit: { opd: 'DINKES' } });
    expect(mayWatch({ sub: 'h', roles: ['unit-head'], unit: 'DINKES' }, dinkes)).toBe(true);
    expect(mayWatch({ sub: 'h', roles: ['unit-head'], unit: 'BPBD' }, dinkes)).toBe(false);
    expect(mayWatch({ sub: 's', roles: ['staff'], nip: '1' }, dinkes)).toBe(true);
    expect(mayWatch({ sub: 's', roles: ['staff'], nip: '2' }, dinkes)).toBe(false);
    expect(mayWatch({ sub: 'k', roles: ['kiosk'] }, dinkes)).toBe(false);
    expect(mayWatch({ sub: 'a', roles: ['auditor'] }, dinkes)).toBe(true);
  });
});
