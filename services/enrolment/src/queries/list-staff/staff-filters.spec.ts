import { encodeCursor, type ListStaffRequest } from '@kompeten/api';
import { afterNip, rosterSql, staffFilters } from './staff-filters';

const filters = (q: Partial<ListStaffRequest>) => staffFilters(q, 2026);

describe('the roster filters', () => {
  it('bind the year first (the roster’s $1), then each filter value', () => {
    const w = filters({
      opd: 'DINKES',
      serviceUnit: 'PUSKESMAS-GULAI-BANCAH',
      employmentType: 'PNS',
      status: 'active',
    });
    expect(w.params).toEqual([2026, 'DINKES', 'PUSKESMAS-GULAI-BANCAH', 'PNS', 'active']);
    expect(filters({}).text).toBe('true');
  });

  it('read the JP target and the competency gap either way', () => {
    expect(filters({ belowJpTarget: true, competencyGap: false }).text).toBe('(r.below_jp_target) and (not r.has_gap)');
    expect(filters({ belowJpTarget: false }).text).toBe('(not r.below_jp_target)');
  });

  it('page strictly after the cursor’s NIP', () => {
    const w = afterNip(encodeCursor(['198001012010011001']), filters({}));
    expect(w.text).toBe('(r.nip > $2)');
    expect(w.params).toEqual([2026, '198001012010011001']);
  });

  it('sum the year’s JP per page row, or once for everyone when counting', () => {
    expect(rosterSql('lateral')).toContain('left join lateral');
    expect(rosterSql('grouped')).toContain('group by h.nip');
  });
});
