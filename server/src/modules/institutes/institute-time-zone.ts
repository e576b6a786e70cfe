/**
 * The zone an institute's clock times are typed and read in (a 10:00 mock is 10:00 in Patna whatever
 * the browser's own zone). India has one zone, so that is every new institute's.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

// IANA names only ("Asia/Kolkata", "Etc/GMT+5", "UTC"): Intl alone would also take offsets such as
// "+05:30", which follow no daylight-saving rules and are not what an admin means by a zone.
const ZONE_NAME = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z0-9][A-Za-z0-9_+-]*)*$/;

/** A zone name the runtime knows: the web app shows times with the same Intl data. */
export function isTimeZoneName(name: string): boolean {
  if (name.length > 64 || !ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
