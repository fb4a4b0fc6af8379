import { EXTERNAL_LEARNING_FORMS } from '@kompeten/contracts';
import { JP_CAPS_PER_YEAR, jpCredit } from './external-learning.caps';

describe('JP credited for verified external learning', () => {
  it('is one JP per whole 45 minutes: 134 minutes are 2 JP, 135 are 3', () => {
    expect(jpCredit('course', 134, 0)).toEqual({ jpEarned: 2, jpCredited: 2, capApplied: false });
    expect(jpCredit('course', 135, 0)).toEqual({ jpEarned: 3, jpCredited: 3, capApplied: false });
  });
  it('under 45 minutes credits nothing, and that is not a cap', () => {
    expect(jpCredit('seminar', 44, 0)).toEqual({ jpEarned: 0, jpCredited: 0, capApplied: false });
  });
  it('an uncapped form credits everything, however much was credited before in the year', () => {
    expect(jpCredit('course', 40 * 45, 100)).toEqual({ jpEarned: 40, jpCredited: 40, capApplied: false });
  });
  it('given 5 seminar JP credited this year, a 6-JP seminar credits only the 3 left under the 8-JP cap', () => {
    expect(jpCredit('seminar', 6 * 45, 5)).toEqual({ jpEarned: 6, jpCredited: 3, capApplied: true });
  });
  it('a seminar that exactly reaches the cap is credited in full and the cap is not applied', () => {
    expect(jpCredit('seminar', 3 * 45, 5)).toEqual({ jpEarned: 3, jpCredited: 3, capApplied: false });
  });
  it('a cap already reached credits 0, never a negative', () => {
    expect(jpCredit('self-study', 10 * 45, 9)).toEqual({ jpEarned: 10, jpCredited: 0, capApplied: true });
  });
  it('reads the cap from the table it is given (the table is the one place the policy lives)', () => {
    const caps = { ...JP_CAPS_PER_YEAR, course: 2 };
    expect(jpCredit('course', 5 * 45, 0, caps)).toEqual({ jpEarned: 5, jpCredited: 2, capApplied: true });
  });
  it('the policy table names every form, and caps only seminar, workshop, self-study and learning community', () => {
    expect(Object.keys(JP_CAPS_PER_YEAR).sort()).toEqual([...EXTERNAL_LEARNING_FORMS].sort());
    const capped = EXTERNAL_LEARNING_FORMS.filter((f) => JP_CAPS_PER_YEAR[f] !== null);
    expect(capped).toEqual(['seminar', 'workshop', 'self-study', 'learning-community']);
  });
});
