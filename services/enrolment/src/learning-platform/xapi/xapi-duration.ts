/**
 * An xAPI `result.duration` (ISO 8601 duration, xAPI 1.0.3 §4.6) in whole seconds, or the reason it
 * is refused. Weeks, days, hours, minutes and seconds (fractions allowed) only: years and months have
 * no fixed length, and no statement about time on task needs them.
 */
export function durationSeconds(value: string): { seconds: number } | { error: string } {
  const m =
    /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value,
    );
  // Before the T, M is months (after it, minutes).
  if (/^P[^T]*[YM]/.test(value))
    return { error: 'years and months have no fixed length: give weeks, days, hours, minutes or seconds' };
  if (!m || value === 'P' || value.endsWith('T'))
    return { error: 'must be an ISO 8601 duration such as PT1H30M or PT45M12.5S' };
  const [w, d, h, min, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  return { seconds: Math.round((((w * 7 + d) * 24 + h) * 60 + min) * 60 + s) };
}
