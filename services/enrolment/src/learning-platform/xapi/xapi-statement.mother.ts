/** A valid xAPI 1.0.3 statement as Moodle would send one (a completion with score and duration); `over` replaces properties. */
export const ID = '0193a3c4-0000-7000-8000-00000000000a';
export const statement = (over: Record<string, unknown> = {}) => ({
  id: ID,
  actor: { objectType: 'Agent', account: { homePage: 'https://elearning.example', name: '198609262015051001' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  object: { objectType: 'Activity', id: 'https://elearning.example/mod/scorm/view.php?id=1' },
  result: { score: { scaled: 0.85 }, duration: 'PT30M' },
  timestamp: '2026-03-02T09:00:00+07:00',
  ...over,
});
