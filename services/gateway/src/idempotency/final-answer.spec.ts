import { answerIsFinal } from './final-answer';

const conflict = { status: 409, type: 'https://kompeten.bukittinggi.go.id/problems/conflict' };

describe('which refusals an Idempotency-Key replays', () => {
  it('replays what the request itself earned: validation, not found, a state conflict', () => {
    expect(answerIsFinal({ status: 400, type: 'x/validation' }, false)).toBe(true);
    expect(answerIsFinal({ status: 404 }, false)).toBe(true);
    expect(answerIsFinal({ status: 409, type: 'x/enrolment-state' }, false)).toBe(true);
  });
  it('replays a version conflict only when the caller named the version (If-Match)', () => {
    expect(answerIsFinal(conflict, true)).toBe(true);
    expect(answerIsFinal(conflict, false)).toBe(false);
  });
  it("never keeps the service's command-in-progress: the first request is still running there", () => {
    expect(
      answerIsFinal({ status: 409, type: 'https://kompeten.bukittinggi.go.id/problems/command-in-progress' }, true),
    ).toBe(false);
  });
  it('never keeps a 5xx or a 429: the retry runs the command again', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(answerIsFinal({ status }, false)).toBe(false);
  });
});
