/** Bukittinggi keeps Western Indonesian Time (WIB, UTC+7, no daylight saving): dates are the city's. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The city's calendar date at an instant, YYYY-MM-DD. */
export const cityDate = (instant: Date) => new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
