import { DomainError } from '@kompeten/domain';
import { durationSeconds } from './xapi-duration';
import { readStatement } from './xapi-statement';
import { ID, statement } from './xapi-statement.mother';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return ((e as DomainError).extensions.errors as { field: string }[])[0].field;
  }
  throw new Error('expected a refusal');
};

describe('reading an xAPI statement', () => {
  it('reads the actor’s account, the verb, the activity, the score, the duration and the timestamp', () => {
    expect(readStatement(statement(), 0)).toMatchObject({
      id: ID,
      actor: { homePage: 'https://elearning.example', name: '198609262015051001' },
      verb: 'http://adlnet.gov/expapi/verbs/completed',
      object: { objectType: 'Activity', id: 'https://elearning.example/mod/scorm/view.php?id=1' },
      score: { scaled: 0.85 },
      duration: 'PT30M',
      timestamp: '2026-03-02T09:00:00+07:00',
    });
  });
  it('names the field it refuses, by the statement’s place in the batch', () => {
    expect(fieldOf(() => readStatement(statement({ id: 'not-a-uuid' }), 2))).toBe('statements[2].id');
    expect(fieldOf(() => readStatement(statement({ actor: { mbox: 'mailto:a@b.c' } }), 0))).toBe(
      'statements[0].actor.account',
    );
    expect(fieldOf(() => readStatement(statement({ verb: { id: 'completed' } }), 0))).toBe('statements[0].verb.id');
    expect(fieldOf(() => readStatement(statement({ object: { id: 'not an iri' } }), 0))).toBe(
      'statements[0].object.id',
    );
    expect(fieldOf(() => readStatement(statement({ result: { score: { scaled: 1.5 } } }), 0))).toBe(
      'statements[0].result.score.scaled',
    );
    expect(fieldOf(() => readStatement(statement({ result: { score: { raw: 12, min: 0, max: 10 } } }), 0))).toBe(
      'statements[0].result.score.raw',
    );
    expect(fieldOf(() => readStatement(statement({ timestamp: '2026-03-02T09:00:00' }), 0))).toBe(
      'statements[0].timestamp',
    );
    expect(fieldOf(() => readStatement(statement({ timestamp: '2026-03-02T09:00:00-00:00' }), 0))).toBe(
      'statements[0].timestamp',
    );
    expect(fieldOf(() => readStatement(statement({ colour: 'blue' }), 0))).toBe('statements[0].colour');
  });
  it('an actor with two identifiers is refused (xAPI: exactly one)', () => {
    const actor = {
      account: { homePage: 'https://elearning.example', name: '198609262015051001' },
      mbox: 'mailto:a@b.c',
    };
    expect(fieldOf(() => readStatement(statement({ actor }), 0))).toBe('statements[0].actor');
  });
  it('the same statement has the same digest whatever the order of keys, the timestamp’s spelling or what the LRS set', () => {
    const a = readStatement(statement(), 0);
    const reordered = Object.fromEntries(Object.entries(statement()).reverse());
    const utc = statement({ timestamp: '2026-03-02T02:00:00Z', stored: '2026-03-02T02:00:01Z', version: '1.0.3' });
    expect(readStatement(reordered, 0).sha256).toBe(a.sha256);
    expect(readStatement(utc, 0).sha256).toBe(a.sha256);
    expect(readStatement(statement({ result: { score: { scaled: 0.9 } } }), 0).sha256).not.toBe(a.sha256);
  });
  it('a PUT’s statementId is the id; a different id in the statement is refused', () => {
    const { id: _, ...noId } = statement();
    void _;
    expect(readStatement(noId, 0, ID.toUpperCase()).id).toBe(ID);
    expect(fieldOf(() => readStatement(statement(), 0, '0193a3c4-0000-7000-8000-0000000000ff'))).toBe(
      'statements[0].id',
    );
  });
  it('a statement without an id gets one from its content: an identical resend gets the same', () => {
    const { id: _, ...noId } = statement();
    void _;
    const first = readStatement(noId, 0).id;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(readStatement({ ...noId }, 1).id).toBe(first);
  });
});

describe('an xAPI duration in seconds', () => {
  it('reads hours, minutes, fractional seconds, days and weeks', () => {
    expect(durationSeconds('PT1H30M')).toEqual({ seconds: 5400 });
    expect(durationSeconds('PT45M12.5S')).toEqual({ seconds: 2713 });
    expect(durationSeconds('P1DT1S')).toEqual({ seconds: 86_401 });
    expect(durationSeconds('P1W')).toEqual({ seconds: 604_800 });
  });
  it('refuses years and months, and what is not a duration', () => {
    for (const d of ['P1M', 'P1Y', 'PT', 'P', '30 minutes', 'PT-5M'])
      expect(durationSeconds(d)).toHaveProperty('error');
  });
});
