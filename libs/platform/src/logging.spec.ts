import { redactNips } from './logging';

describe('redactNips', () => {
  const nip = '198001012005011001';

  it.each([
    [`/staff/${nip}`, '/staff/[nip]'],
    [`/staff/${nip}/competency-profile`, '/staff/[nip]/competency-profile'],
    [`/programmes/p-1/enrolments/${nip}/withdrawal`, '/programmes/p-1/enrolments/[nip]/withdrawal'],
    [`/jp-ledger?nip=${nip}&year=2026`, '/jp-ledger?nip=[nip]&year=2026'],
    [`the personal data of staff:${nip} has been erased`, 'the personal data of staff:[nip] has been erased'],
    [`{"msg":"retry on development-plan-2026-${nip}"}`, '{"msg":"retry on development-plan-2026-[nip]"}'],
  ])('redacts the NIP in %s', (text, redacted) => expect(redactNips(text)).toBe(redacted));

  it.each([
    ['a longer run of digits', `${nip}9`],
    ['a shorter one', nip.slice(1)],
    ['a millisecond timestamp', '{"time":1796671775060}'],
    ['a UUID', '0192f3a4-5b6c-7d8e-9f01-234567890abc'],
  ])('leaves %s alone', (_, text) => expect(redactNips(text)).toBe(text));
});
