/**
 * UTC offsets (seconds) of the simulator's time zones at an instant, for device_time_created_at (local
 * wall-clock time disguised as epoch seconds). Intl is exact but far too slow for 20,000 workouts, so the
 * daylight-saving rules of these zones are written out (US rules since 1987, EU rules for London, exact since 1996).
 */
const STANDARD: Record<string, { offset: number; rule: 'us' | 'eu' | 'none' }> = {
  'Etc/GMT+5': { offset: -5 * 3600, rule: 'none' },
  'America/New_York': { offset: -5 * 3600, rule: 'us' },
  'America/Los_Angeles': { offset: -8 * 3600, rule: 'us' },
  'Europe/London': { offset: 0, rule: 'eu' },
};

const cache = new Map<string, [number, number]>();

export function utcOffsetAt(timezone: string, epochSeconds: number): number {
  const zone = STANDARD[timezone] ?? { offset: 0, rule: 'none' as const };
  if (zone.rule === 'none') return zone.offset;
  const year = new Date(epochSeconds * 1000).getUTCFullYear();
  const key = `${timezone}:${year}`;
  let window = cache.get(key);
  if (window === undefined) {
    window = zone.rule === 'us' ? usDaylightWindow(year, zone.offset) : euDaylightWindow(year);
    cache.set(key, window);
  }
  return epochSeconds >= window[0] && epochSeconds < window[1] ? zone.offset + 3600 : zone.offset;
}

/** Day of month of the n-th Sunday (n = -1: the last) of a month. */
function sunday(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}

/** 02:00 local time: from the 2nd Sunday of March to the 1st Sunday of November (1987–2006: 1st Sunday of April to the last of October). */
function usDaylightWindow(year: number, standardOffset: number): [number, number] {
  const [startMonth, startSunday, endMonth, endSunday] = year >= 2007 ? [2, 2, 10, 1] : [3, 1, 9, -1];
  const start = Date.UTC(year, startMonth, sunday(year, startMonth, startSunday), 2) / 1000 - standardOffset;
  const end = Date.UTC(year, endMonth, sunday(year, endMonth, endSunday), 2) / 1000 - (standardOffset + 3600);
  return [start, end];
}

/** 01:00 UTC from the last Sunday of March to the last Sunday of October. */
function euDaylightWindow(year: number): [number, number] {
  return [Date.UTC(year, 2, sunday(year, 2, -1), 1) / 1000, Date.UTC(year, 9, sunday(year, 9, -1), 1) / 1000];
}
