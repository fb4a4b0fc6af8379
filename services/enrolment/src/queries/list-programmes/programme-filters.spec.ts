import { encodeCursor, type ListProgrammesRequest } from '@kompeten/api';
import { containsPattern } from '../sql-where';
import { afterCursor, programmeFilters } from './programme-filters';

const TODAY = '2026-03-10';
const filters = (q: Partial<ListProgrammesRequest>) => programmeFilters(q, TODAY);

describe('the catalogue filters', () => {
  it('match everything when none is given', () => {
    expect(filters({}).text).toBe('true');
    expect(filters({}).params).toEqual([]);
  });

  it('bind every value, never splice it into the text', () => {
    const w = filters({ form: 'klasikal', competencyType: 'teknis', competencyArea: "x'; drop table y; --", q: 'a' });
    expect(w.text).not.toContain('drop table');
    expect(w.params).toEqual(['klasikal', 'teknis', "x'; drop table y; --", '%a%']);
  });

  it('take the stricter of hasSeats and minSeatsLeft', () => {
    expect(filters({ hasSeats: true }).params).toEqual([1]);
    expect(filters({ hasSeats: true, minSeatsLeft: 3 }).params).toEqual([3]);
    expect(filters({ hasSeats: false }).text).toContain('<= 0');
  });

  it('ask the open rule of the city’s today, and its negation for open=false', () => {
    expect(filters({ open: true }).params).toEqual([TODAY]);
    expect(filters({ open: false }).text).toMatch(/^\(not \(/);
  });

  it('make "eligible for" open, not already in it, and in service', () => {
    const w = filters({ eligibleFor: '198001012010011001' });
    expect(w.params).toEqual([
      '198001012010011001',
      TODAY,
      expect.arrayContaining(['confirmed', 'completed', 'waitlisted-capacity']),
    ]);
    expect(w.text).toContain("s.status = 'active'");
  });

  it('take a title search literally: %, _ and \\ are not wildcards', () => {
    expect(containsPattern(' 50%_off\\ ')).toBe('%50\\%\\_off\\\\%');
  });

  it('start a page strictly after the cursor’s (date, id), programmes without sessions last', () => {
    const dated = afterCursor(encodeCursor(['2026-02-02', 'p-1']), filters({}));
    expect(dated.params).toEqual(['2026-02-02', 'p-1']);
    expect(dated.text).toContain('c.first_session_date is null');
    const undated = afterCursor(encodeCursor([null, 'p-9']), filters({}));
    expect(undated.text).toBe('(c.first_session_date is null and c.programme_id > $1)');
    expect(afterCursor(undefined, filters({})).text).toBe('true');
  });
});
